package io.wxhub.system.client;

import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link TokenServerStack} parameter to the stack with default lifetimes,
 * started once for the whole test run and closed at its end: the test classes that need
 * nothing special share it.
 */
final class SharedTokenServerStack implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SharedTokenServerStack.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == TokenServerStack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(TokenServerStack.class, (key) -> new TokenServerStack(List.of(), List.of()),
					TokenServerStack.class);
	}

}
