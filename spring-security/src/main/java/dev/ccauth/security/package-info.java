/**
 * The Spring Security bridge: ccauth's token engine in front of Spring Security's OAuth2
 * authorized client managers, and ccauth's registrations exposed as Spring Security
 * client registrations when asked for.
 */
package dev.ccauth.security;
