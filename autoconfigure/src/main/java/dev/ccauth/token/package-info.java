/**
 * The token engine: a {@code TokenSource} (single flight, background renewal,
 * compare-and- invalidate, cool-down) in front of a {@code TokenClient} that asks the
 * OAuth token endpoint. A platform plugs in through {@code PlatformEndpoints} and
 * {@code TokenGrant}; a shared store, metrics or traces wrap the client through
 * {@code TokenClient.Decorator}. Knows no platform.
 */
package dev.ccauth.token;
