package dev.ccauth.sample;

import java.net.URI;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Genesys Cloud's users API as a declarative HTTP interface with typed records, Spring's
 * idiom for calling an API. The tool picks its registration at run time, so it makes the
 * client over that registration's {@code RestClient}; an application with a fixed
 * registration declares
 * {@code @ImportHttpServices(group = "genesys-prod", types = GenesysUsersApi.class)}
 * instead, and ccauth authenticates the group.
 */
interface GenesysUsersApi {

	@GetExchange(url = "/api/v2/users", accept = "application/json")
	UsersCommand.UsersPage users(@RequestParam int pageSize, @RequestParam int pageNumber);

	/**
	 * A page by the URL Genesys gave for it ({@code nextUri}, resolved against the API
	 * host).
	 */
	@GetExchange(accept = "application/json")
	UsersCommand.UsersPage page(URI page);

	static GenesysUsersApi over(RestClient client) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(GenesysUsersApi.class);
	}

}
