package dev.ccauth.security;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.util.ClassUtils;

/**
 * Puts ccauth in front of the application's authorized client managers, and listens to its
 * authorized client stores for the removals Spring's authorization failure handler makes on a 401.
 * A bean is wrapped only when it is declared as the Spring Security interface (as Spring Security's
 * own default manager and Boot's stores are): a wrapper of another declared type would break
 * injection by that type, so such a bean is left as it is, with a line in the log saying how to
 * bridge it.
 */
final class BridgePostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final Logger logger = LoggerFactory.getLogger(BridgePostProcessor.class);

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			BridgePostProcessor.class.getClassLoader());

	private ConfigurableListableBeanFactory beanFactory;

	private final Supplier<SpringSecurityBridge> bridge = () -> this.beanFactory.getBean(SpringSecurityBridge.class);

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
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

	/** Whether the bean is declared as exactly that interface, so that its wrapper can stand in for it. */
	boolean wrappable(String beanName, Class<?> type) {
		Class<?> declared = declaredType(beanName);
		if (declared == null || declared == type) {
			return true;
		}
		logger.info("{} bean '{}' is declared as {}: ccauth leaves it as it is. Declare it as {}, or pass it through "
				+ "SpringSecurityBridge.bridge(...), for ccauth to serve its tokens.", type.getSimpleName(), beanName,
				declared.getName(), type.getName());
		return false;
	}

	private Class<?> declaredType(String beanName) {
		if (!this.beanFactory.containsBeanDefinition(beanName)) {
			return null;
		}
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
		if (definition instanceof RootBeanDefinition root) {
			Method factoryMethod = root.getResolvedFactoryMethod();
			if (factoryMethod != null) {
				return factoryMethod.getReturnType();
			}
		}
		return definition.getResolvableType().resolve();
	}

	/** The bridge, looked up once on first use (it may be created after the beans it stands in front of). */
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

	/** The servlet API's repository, in a class of its own so that it loads only with the servlet API. */
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
