/**
 * Genesys Cloud: regions and their endpoints, the client-credentials grant and the
 * meaning of its refusals, the environment variables of its pipelines.
 */
package dev.ccauth.genesys;
