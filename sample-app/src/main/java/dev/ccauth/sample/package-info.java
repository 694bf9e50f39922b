/**
 * The pipeline tool: users and agents listings, token export to later steps, preflight
 * checks, on picocli and the starter's public beans.
 */
package dev.ccauth.sample;
