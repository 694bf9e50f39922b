package dev.ccauth.config;

/**
 * The settings every registration starts from ({@code ccauth.token.*},
 * {@code ccauth.retry.*}, {@code ccauth.http.*}); a registration's own settings override
 * them value by value.
 *
 * @param token token lifetime settings
 * @param retry retry settings
 * @param http HTTP settings
 */
public record RegistrationDefaults(TokenSettings token, RetrySettings retry, HttpSettings http) {

	public static final RegistrationDefaults DEFAULTS = new RegistrationDefaults(TokenSettings.DEFAULTS,
			RetrySettings.DEFAULTS, HttpSettings.DEFAULTS);

	public RegistrationDefaults {
		token = (token != null) ? token.orElse(TokenSettings.DEFAULTS) : TokenSettings.DEFAULTS;
		retry = (retry != null) ? retry.orElse(RetrySettings.DEFAULTS) : RetrySettings.DEFAULTS;
		http = (http != null) ? http.orElse(HttpSettings.DEFAULTS) : HttpSettings.DEFAULTS;
	}

	/**
	 * Applies these defaults, overridden by a registration's own settings, to the
	 * builder.
	 */
	public Registration.Builder applyTo(Registration.Builder builder, TokenSettings token, RetrySettings retry,
			HttpSettings http) {
		return builder.settings(this.token.overriddenBy(token), this.retry.overriddenBy(retry),
				this.http.overriddenBy(http));
	}

}
