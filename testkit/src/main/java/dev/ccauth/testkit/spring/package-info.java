/**
 * The {@code ccauth.*} properties that point a Spring application's registrations at a
 * sandbox.
 */
package dev.ccauth.testkit.spring;
