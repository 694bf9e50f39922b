package dev.ccauth.security;

import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Adds ccauth's exposed registrations to the application's client registration
 * repositories. An in-memory repository (Boot's) is replaced by one of the same class
 * holding the application's registrations followed by ccauth's; a repository declared as
 * the Spring Security interface finds ccauth's after its own. The application's
 * registrations win over ccauth's of the same id.
 */
final class ExposingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private BeanFactory beanFactory;

	private BeanDeclarations declarations;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
		this.declarations = new BeanDeclarations((ConfigurableListableBeanFactory) beanFactory);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof InMemoryClientRegistrationRepository repository) {
			return exposed().joinedWith(repository);
		}
		if (bean instanceof InMemoryReactiveClientRegistrationRepository repository) {
			return exposed().joinedWith(repository);
		}
		if (bean instanceof ClientRegistrationRepository repository
				&& this.declarations.declaredAs(beanName, ClientRegistrationRepository.class)) {
			return (ClientRegistrationRepository) (id) -> {
				ClientRegistration own = repository.findByRegistrationId(id);
				return (own != null) ? own : exposed().find(id);
			};
		}
		if (bean instanceof ReactiveClientRegistrationRepository repository
				&& this.declarations.declaredAs(beanName, ReactiveClientRegistrationRepository.class)) {
			return (ReactiveClientRegistrationRepository) (id) -> repository.findByRegistrationId(id)
				.switchIfEmpty(Mono.defer(() -> Mono.justOrEmpty(exposed().find(id))));
		}
		return bean;
	}

	private ExposedRegistrations exposed() {
		return this.beanFactory.getBean(ExposedRegistrations.class);
	}

}
