/**
 * The sandbox: an HTTP(S) server that plays Genesys Cloud and NICE CXone (token
 * endpoints, paged listings, discovery, rate limits, expiry, revocation), with fault
 * injection and request counters for tests, runnable from Java or standalone.
 */
package dev.ccauth.testkit;
