/**
 * Authenticated clients. Per registration a {@code WebClient} whose filters resolve a
 * discovered base URL, retry what can be ridden out, and send the token to the
 * registration's own origin only, replaying once after a 401;
 * {@code ContactCenterClients} hands them out. Knows no platform.
 */
package dev.ccauth.web;
