/**
 * Side-by-side benchmarks on the sandbox: ccauth, Spring Security's filter (with and
 * without the bridge) and a plain client; the pipeline step as a whole process; metrics
 * overhead; fleets of processes sharing a token through Redis.
 */
package dev.ccauth.benchmarks;
