/**
 * Reading HTTP responses: bodies as bytes parsed here (so that no codec logs a token),
 * the {@code Retry-After} header, and what a pipeline log needs of a network failure.
 */
package dev.ccauth.http;
