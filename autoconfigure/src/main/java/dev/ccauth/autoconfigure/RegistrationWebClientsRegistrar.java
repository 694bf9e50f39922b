package dev.ccauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Platform;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Registers one {@link WebClient} bean per configured registration ({@code genesysProdWebClient}),
 * each taken from {@link ContactCenterClients}. A bean of the same name defined by the application
 * wins: the registrar then leaves that name alone. An application that defines its own
 * {@link ContactCenterRegistrations} gets no such beans: its registrations are not known from
 * the properties, and it looks their clients up through {@link ContactCenterClients}.
 */
class RegistrationWebClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (definesOwnRegistrations(registry)) {
			// the application decides which registrations exist: it looks them up through ContactCenterClients
			return;
		}
		CcauthProperties properties = Binder.get(this.environment)
			.bindOrCreate("ccauth", CcauthProperties.class);
		Map<String, RegistrationId> beans = new LinkedHashMap<>();
		properties.genesys().keySet().forEach((name) -> beans
			.putIfAbsent(BeanNames.of(RegistrationId.genesys(name), "WebClient"), RegistrationId.genesys(name)));
		properties.cxone().keySet().forEach((name) -> beans
			.putIfAbsent(BeanNames.of(RegistrationId.cxone(name), "WebClient"), RegistrationId.cxone(name)));
		beans.forEach((beanName, id) -> {
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, webClientDefinition(id));
			}
		});
	}

	/** Whether a ContactCenterRegistrations bean other than this auto-configuration's own is defined. */
	private static boolean definesOwnRegistrations(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ListableBeanFactory beanFactory)) {
			return false;
		}
		for (String name : beanFactory.getBeanNamesForType(ContactCenterRegistrations.class, true, false)) {
			if (!CcauthAutoConfiguration.class.getName().equals(registry.getBeanDefinition(name).getFactoryBeanName())) {
				return true;
			}
		}
		return false;
	}

	private RootBeanDefinition webClientDefinition(RegistrationId id) {
		BeanFactory beanFactory = this.beanFactory;
		Platform platform = id.platform();
		String name = id.name();
		RootBeanDefinition definition = new RootBeanDefinition(WebClient.class,
				() -> beanFactory.getBean(ContactCenterClients.class).webClient(platform, name));
		definition.setDescription("ccauth WebClient of registration " + id);
		return definition;
	}

}
