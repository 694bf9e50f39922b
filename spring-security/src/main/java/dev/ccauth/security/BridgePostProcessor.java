package dev.ccauth.security;

import java.util.function.Supplier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.util.ClassUtils;

/**
 * Puts ccauth in front of the application's authorized client managers, and listens to
 * its authorized client stores for the removals Spring's authorization failure handler
 * makes on a 401. Only beans declared as the Spring Security interface are stood in for
 * ({@link BeanDeclarations}).
 */
final class BridgePostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			BridgePostProcessor.class.getClassLoader());

	private ConfigurableListableBeanFactory beanFactory;

	private BeanDeclarations declarations;

	private final Supplier<SpringSecurityBridge> bridge = () -> this.beanFactory.getBean(SpringSecurityBridge.class);

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.declarations = new BeanDeclarations(this.beanFactory);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof ReactiveOAuth2AuthorizedClientManager manager && !(bean instanceof ReactiveManagerBridge)
				&& wrappable(beanName, ReactiveOAuth2AuthorizedClientManager.class)) {
			return new ReactiveManagerBridge(manager, memoized());
		}
		if (bean instanceof OAuth2AuthorizedClientManager manager && !(bean instanceof ManagerBridge)
				&& wrappable(beanName, OAuth2AuthorizedClientManager.class)) {
			return new ManagerBridge(manager, memoized());
		}
		if (bean instanceof ServerOAuth2AuthorizedClientRepository repository
				&& !(bean instanceof ReactiveAuthorizedClientStores.Repository)
				&& wrappable(beanName, ServerOAuth2AuthorizedClientRepository.class)) {
			return new ReactiveAuthorizedClientStores.Repository(repository, memoized());
		}
		if (bean instanceof ReactiveOAuth2AuthorizedClientService service
				&& !(bean instanceof ReactiveAuthorizedClientStores.Service)
				&& wrappable(beanName, ReactiveOAuth2AuthorizedClientService.class)) {
			return new ReactiveAuthorizedClientStores.Service(service, memoized());
		}
		if (bean instanceof OAuth2AuthorizedClientService service && !(bean instanceof AuthorizedClientStores.Service)
				&& wrappable(beanName, OAuth2AuthorizedClientService.class)) {
			return new AuthorizedClientStores.Service(service, memoized());
		}
		if (SERVLET_PRESENT) {
			return ServletStores.wrapIfRepository(bean, beanName, this);
		}
		return bean;
	}

	boolean wrappable(String beanName, Class<?> type) {
		return this.declarations.declaredAs(beanName, type);
	}

	/**
	 * The bridge, looked up once on first use (it may be created after the beans it
	 * stands in front of).
	 */
	Supplier<SpringSecurityBridge> memoized() {
		return new Supplier<>() {

			private volatile SpringSecurityBridge resolved;

			@Override
			public SpringSecurityBridge get() {
				SpringSecurityBridge bridge = this.resolved;
				if (bridge == null) {
					bridge = BridgePostProcessor.this.bridge.get();
					this.resolved = bridge;
				}
				return bridge;
			}

		};
	}

	/**
	 * The servlet API's repository, in a class of its own so that it loads only with the
	 * servlet API.
	 */
	static final class ServletStores {

		private ServletStores() {
		}

		static Object wrapIfRepository(Object bean, String beanName, BridgePostProcessor processor) {
			if (bean instanceof org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository repository
					&& !(bean instanceof AuthorizedClientStores.Repository) && processor.wrappable(beanName,
							org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository.class)) {
				return new AuthorizedClientStores.Repository(repository, processor.memoized());
			}
			return bean;
		}

	}

}
