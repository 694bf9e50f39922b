package dev.ccauth.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ccauth's health contributor (on when Actuator's health is present;
 * management.health.ccauth.enabled=false turns it off).
 *
 * @param fetchToken Whether a health check fetches a token for a registration that holds
 * none (makes a network call; by default health only reads the registration's state)
 * @param fetchTimeout Longest a health check waits for that token (default 10s)
 */
@ConfigurationProperties("ccauth.health")
record CcauthHealthProperties(boolean fetchToken, @DefaultValue("10s") Duration fetchTimeout) {

}
