/**
 * What operators see of every registration, when Actuator or Micrometer are present: a
 * health contributor, meters of token requests and retries, an observation of each token
 * request and a read-only endpoint, all read from the token sources' own state and the
 * seams the token engine offers ({@code TokenClient.Decorator}, {@code RetryObserver}),
 * never from the token itself. Each part has its own auto-configuration and backs off
 * when its library is absent.
 */
package dev.ccauth.observability;
