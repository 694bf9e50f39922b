/**
 * Reading HTTP responses: bodies as bytes parsed here (so that no codec logs a token), {@code
 * Retry-After}, and what a pipeline log needs of a network failure.
 */
package dev.ccauth.http;
