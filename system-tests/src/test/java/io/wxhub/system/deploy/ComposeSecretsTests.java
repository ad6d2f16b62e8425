package io.wxhub.system.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.wxhub.system.deploy.DeploymentFiles.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets reach the containers only from {@code .env}: {@code docker-compose.yml} holds
 * no secret value and no default for one, every variable it uses is documented in
 * {@code .env.example}, and {@code .env} stays out of git and of the image build context.
 */
class ComposeSecretsTests {

	/**
	 * Environment entries that carry a secret: AppSecrets, keys, Tokens, EncodingAESKeys.
	 */
	private static final Pattern SECRET = Pattern.compile(".*(SECRET|KEY|TOKEN|PASSWORD)|.*AES.*");

	/** A required reference: {@code ${VAR:?message}} or {@code ${VAR}}, nothing else. */
	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");

	private final ComposeServices compose = new ComposeServices();

	private final Map<String, String> envExample = DeploymentFiles.envExample();

	@Test
	void secretsAreRequiredReferencesToDotEnvWithoutDefaults() {
		Set<String> secretVariables = secretVariables();
		assertThat(secretVariables).as("secret variables").isNotEmpty();
		this.compose.all().keySet().forEach((name) -> this.compose.environment(name).forEach((variable, value) -> {
			if (SECRET.matcher(variable).matches()) {
				assertThat(value).as(name + " " + variable + " is a reference to .env, no literal, no default")
					.matches(REQUIRED_REFERENCE);
			}
		}));
		assertThat(secretVariables).allSatisfy(
				(variable) -> assertThat(this.envExample.get(variable)).as(variable + " in .env.example").isNotBlank());
	}

	@Test
	void noSecretValueAppearsInTheComposeFile() {
		String composeFile = DeploymentFiles.read("docker-compose.yml");
		secretVariables().forEach((variable) -> assertThat(composeFile).as("the value of " + variable)
			.doesNotContain(this.envExample.get(variable)));
		this.compose.all().keySet().forEach((name) -> this.compose.environment(name).forEach((variable, value) -> {
			// a password would sit before the host: redis://user:password@host
			if (value.matches("[a-z]+://.*") && DeploymentFiles.references(value).isEmpty()) {
				assertThat(value).as(name + " " + variable + " carries no credentials").doesNotContain("@");
			}
		}));
	}

	@Test
	void everyVariableTheComposeFileUsesIsDefinedInEnvExample() {
		String composeFile = DeploymentFiles.read("docker-compose.yml").replaceAll("(?m)(^|\\s)#.*$", "");
		Set<String> used = new TreeSet<>();
		DeploymentFiles.references(composeFile).forEach((reference) -> used.add(reference.name()));
		assertThat(used).isNotEmpty();
		assertThat(this.envExample.keySet()).as("variables of .env.example").containsAll(used);
		assertThat(used).as("variables docker-compose.yml uses").containsAll(this.envExample.keySet());
		// a bare $NAME would be substituted too, silently, and could hide a literal
		assertThat(composeFile.replace("$$", "")).doesNotContainPattern("\\$[A-Za-z_]");
	}

	@Test
	void dotEnvStaysOutOfGitAndOfTheBuildContext() {
		assertThat(DeploymentFiles.read(".gitignore").lines()).contains(".env");
		assertThat(DeploymentFiles.read(".dockerignore").lines()).contains(".env");
		assertThat(DeploymentFiles.read(".env.example")).containsIgnoringCase("must replace");
	}

	/** The variables that secret entries of the environment refer to. */
	private Set<String> secretVariables() {
		Set<String> variables = new TreeSet<>();
		this.compose.all().keySet().forEach((name) -> this.compose.environment(name).forEach((variable, value) -> {
			if (SECRET.matcher(variable).matches()) {
				DeploymentFiles.references(value).stream().map(Reference::name).forEach(variables::add);
			}
		}));
		return variables;
	}

}
