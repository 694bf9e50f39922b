/**
 * NICE CXone: the access-key (password) grant, OpenID and tenant discovery of a real
 * tenant's endpoints, the tutorial's client-credentials mode, the environment variables
 * of its pipelines.
 */
package dev.ccauth.cxone;
