/**
 * A token store shared by processes, on Redis: one token per OAuth client for a whole
 * fleet of replicas or pipeline jobs, encrypted with a key only holders of the client's
 * credentials can derive. Public: the auto-configuration, its properties and the store
 * with its status; everything else is package-private.
 */
package dev.ccauth.redis;
