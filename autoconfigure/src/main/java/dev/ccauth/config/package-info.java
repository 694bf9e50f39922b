/**
 * Configuration values and validated registrations: the settings records,
 * {@code Registration} with its platform's part behind {@code PlatformDetails}, and the
 * rules every registration obeys ({@code RegistrationProblems}, {@code Endpoints}). Knows
 * no platform: each platform package resolves its own properties into a
 * {@code Registration}.
 */
package dev.ccauth.config;
