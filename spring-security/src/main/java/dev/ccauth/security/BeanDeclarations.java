package dev.ccauth.security;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Whether a bean may be replaced by a stand-in of the same interface: only when it is
 * declared as that interface (as Spring Security's own default manager and Boot's OAuth2
 * client beans are). A stand-in for a bean declared as its class would break injection by
 * that class, so such a bean is left as it is, with a line in the log saying how to
 * change that.
 */
final class BeanDeclarations {

	private static final Logger logger = LoggerFactory.getLogger(BeanDeclarations.class);

	private final ConfigurableListableBeanFactory beanFactory;

	BeanDeclarations(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	boolean declaredAs(String beanName, Class<?> type) {
		Class<?> declared = declaredType(beanName);
		if (declared == null || declared == type) {
			return true;
		}
		logger.info(
				"{} bean '{}' is declared as {}: ccauth leaves it as it is. Declare it as {} for ccauth's "
						+ "Spring Security bridge to take part.",
				type.getSimpleName(), beanName, declared.getName(), type.getName());
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

}
