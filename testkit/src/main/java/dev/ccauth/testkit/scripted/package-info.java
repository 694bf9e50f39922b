/**
 * A loopback HTTP server whose answers a test scripts, for endpoints that misbehave on
 * purpose in ways the sandbox does not (echoing the request, trickling, tokens no client
 * should accept).
 */
package dev.ccauth.testkit.scripted;
