package dev.ccauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Registers one {@link WebClient} and one {@link RestClient} bean per configured
 * registration ({@code genesysProdWebClient}, {@code genesysProdRestClient}), each taken
 * from {@link ContactCenterClients}. A bean of the same name defined by the application
 * wins: the registrar leaves that name alone. An application that defines its own
 * {@link ContactCenterRegistrations} gets no such beans: its registrations are not known
 * from the properties, and it looks their clients up through
 * {@link ContactCenterClients}.
 * <p>
 * The definitions name a static factory method with plain arguments (no instance
 * supplier), so that Spring AOT turns them into code. As with any condition, AOT fixes
 * the set of these beans when the application is built; {@link ContactCenterClients}
 * serves every registration at run time.
 */
class RegistrationClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (definesOwnRegistrations(registry)) {
			return;
		}
		CcauthProperties properties = Binder.get(this.environment).bindOrCreate("ccauth", CcauthProperties.class);
		List<RegistrationId> ids = new ArrayList<>();
		properties.genesys().keySet().stream().sorted().map(RegistrationId::genesys).forEach(ids::add);
		properties.cxone().keySet().stream().sorted().map(RegistrationId::cxone).forEach(ids::add);
		for (RegistrationId id : ids) {
			register(registry, BeanNames.of(id, "WebClient"), WebClient.class, "webClient", id);
			register(registry, BeanNames.of(id, "RestClient"), RestClient.class, "restClient", id);
		}
	}

	private static void register(BeanDefinitionRegistry registry, String name, Class<?> type, String factoryMethod,
			RegistrationId id) {
		if (registry.containsBeanDefinition(name)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(RegistrationClients.class);
		definition.setFactoryMethodName(factoryMethod);
		definition.setTargetType(type);
		definition.getConstructorArgumentValues()
			.addIndexedArgumentValue(0, new RuntimeBeanReference(ContactCenterClients.class));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(1, id.platform());
		definition.getConstructorArgumentValues().addIndexedArgumentValue(2, id.name());
		definition.setDescription("ccauth " + type.getSimpleName() + " of registration " + id);
		registry.registerBeanDefinition(name, definition);
	}

	/**
	 * Whether a ContactCenterRegistrations bean other than this auto-configuration's own
	 * is defined.
	 */
	private static boolean definesOwnRegistrations(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ListableBeanFactory beanFactory)) {
			return false;
		}
		for (String name : beanFactory.getBeanNamesForType(ContactCenterRegistrations.class, true, false)) {
			if (!CcauthAutoConfiguration.class.getName()
				.equals(registry.getBeanDefinition(name).getFactoryBeanName())) {
				return true;
			}
		}
		return false;
	}

}
