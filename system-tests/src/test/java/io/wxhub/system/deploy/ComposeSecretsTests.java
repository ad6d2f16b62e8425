package io.wxhub.system.deploy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.wxhub.system.deploy.DeploymentFiles.Reference;
import io.wxhub.webauth.keys.SigningKeys;
import org.junit.jupiter.api.Assumptions;
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
	void requiredVariablesSayWhereToSetThem() {
		// the message compose prints when one is missing (ComposeCliTests)
		Pattern required = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?set ([A-Za-z_][A-Za-z0-9_]*) in \\.env}");
		this.compose.all().keySet().forEach((name) -> this.compose.environment(name).forEach((variable, value) -> {
			DeploymentFiles.references(value)
				.stream()
				.filter((reference) -> !reference.hasDefault())
				.forEach((reference) -> {
					Matcher matcher = required
						.matcher("${" + reference.name() + Objects.toString(reference.operator(), "")
								+ Objects.toString(reference.argument(), "") + "}");
					assertThat(matcher.matches()).as(name + " " + variable + ": " + value).isTrue();
					assertThat(matcher.group(2)).as(name + " " + variable).isEqualTo(matcher.group(1));
				});
		}));
	}

	@Test
	void theBrokersKeysAreSecretsAndItsAddressesRequired() {
		assertThat(secretVariables()).contains("WEB_AUTH_SIGNING_KEY", "WEB_AUTH_TOKEN_SERVER_CLIENT_KEY");
		Map<String, String> broker = this.compose.environment("web-auth");
		for (String variable : List.of("WEB_AUTH_SIGNING_KEY", "WEB_AUTH_TOKEN_SERVER_CLIENT_KEY",
				"WEB_AUTH_PUBLIC_URL", "WEB_AUTH_CLIENTS_0_RETURN_TO")) {
			assertThat(broker.get(variable)).as(variable).matches(REQUIRED_REFERENCE);
		}
		assertThat(this.compose.environment("token-server-1").get("TOKEN_SERVER_CLIENTS_2_KEY"))
			.isEqualTo(broker.get("WEB_AUTH_TOKEN_SERVER_CLIENT_KEY"));
	}

	@Test
	void theSigningKeyRecipeMakesAKeyTheBrokerAccepts() throws Exception {
		Assumptions.assumeTrue(DeploymentFiles.executable("openssl").isPresent(), "openssl is not installed");
		String recipe = signingKeyRecipe();
		assertThat(DeploymentFiles.read("docs/operations.md")).as("the same command in the docs").contains(recipe);
		Process process = new ProcessBuilder("sh", "-c", recipe).redirectErrorStream(true).start();
		String jwk = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(jwk).isZero();
		SigningKeys keys = SigningKeys.fromJwk(jwk);
		assertThat(ECKey.parse(jwk).getKeyID()).matches("web-auth-\\d{8}");
		assertThat(jwk).as("a new key each time")
			.isNotEqualTo(DeploymentFiles.envExample().get("WEB_AUTH_SIGNING_KEY"));
		// its private and public halves belong together: what it signs, its key set
		// verifies
		SignedJWT result = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().subject("openid").build()));
		ECKey published = JWKSet.parse(keys.publicJwkSet()).getKeys().get(0).toECKey();
		assertThat(published.isPrivate()).isFalse();
		assertThat(result.verify(new ECDSAVerifier(published))).isTrue();
	}

	/** The command {@code .env.example} gives for a new signing key. */
	static String signingKeyRecipe() {
		return DeploymentFiles.read(".env.example")
			.lines()
			.filter((line) -> line.startsWith("#   ") && line.contains("openssl ecparam"))
			.map((line) -> line.substring(4))
			.collect(Collectors.collectingAndThen(Collectors.toList(), (lines) -> {
				assertThat(lines).as("one openssl command in .env.example").hasSize(1);
				return lines.get(0);
			}));
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
