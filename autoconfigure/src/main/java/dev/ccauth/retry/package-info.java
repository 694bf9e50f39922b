/**
 * Retry policies (Spring Framework 7's {@code RetryPolicy}) and the
 * {@code Retry-After}-aware backoff that applies them to token requests and API calls.
 */
package dev.ccauth.retry;
