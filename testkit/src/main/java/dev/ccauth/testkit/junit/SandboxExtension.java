package dev.ccauth.testkit.junit;

import dev.ccauth.testkit.Sandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link Sandbox} per test class, {@link Sandbox#reset() reset} before each test and
 * closed after the class (nested classes share their outer class's sandbox).
 *
 * <p>
 * Declaratively, with the default settings; the sandbox is injected into constructors,
 * lifecycle and test methods that declare a {@code Sandbox} parameter:
 *
 * <pre class="code">
 * &#64;ExtendWith(SandboxExtension.class)
 * class MyTest {
 *     &#64;Test void works(Sandbox sandbox) { ... }
 * }
 * </pre>
 *
 * Programmatically, with settings of your own:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().users(1000));
 * ... SANDBOX.sandbox() ...
 * </pre>
 *
 * {@link #sandbox()} starts the sandbox on first use, so it can be called from a Spring
 * {@code @DynamicPropertySource} method too, whatever the order of extensions.
 */
public final class SandboxExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private final Sandbox.Builder builder;

	private Sandbox sandbox;

	/**
	 * The outermost class this instance serves (nested classes reuse its sandbox); it
	 * closes the sandbox.
	 */
	private String owner;

	/** Default settings: what {@code @ExtendWith(SandboxExtension.class)} uses. */
	public SandboxExtension() {
		this(Sandbox.builder());
	}

	public SandboxExtension(Sandbox.Builder builder) {
		this.builder = builder;
	}

	/** The sandbox of the current test class, started on first use. */
	public synchronized Sandbox sandbox() {
		if (sandbox == null) {
			sandbox = builder.start();
		}
		return sandbox;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (owner == null) {
			owner = context.getUniqueId();
		}
		sandbox();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		sandbox().reset();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (context.getUniqueId().equals(owner)) {
			owner = null;
			if (sandbox != null) {
				sandbox.close();
				sandbox = null;
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Sandbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return sandbox();
	}

}
