package io.wxhub.tokenserver;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Hidden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.OTHER_CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.STABLE_APP;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static io.wxhub.tokenserver.TokenCluster.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: equal to the copy in
 * {@code docs/token-server-openapi.json}, covering every {@code /v1} mapping under the
 * Bearer client key, and describing the problems the server really writes.
 * {@code -Dopenapi.write=true} rewrites the copy from the server.
 */
class OpenApiDescriptionIntegrationTests {

	private static final Path COPY = Path.of("..", "docs", "token-server-openapi.json");

	private static final Path SERVED = Path.of("target", "token-server-openapi.json");

	/** The server URL in the copy; the served one names the test's random port. */
	private static final String COPY_SERVER = "http://127.0.0.1:8081";

	private static final String REGENERATE = """
			docs/token-server-openapi.json is not what the token-server serves; this test wrote the served one to
			token-server/target/token-server-openapi.json (diff them from the repository's root). If the change is
			intended, take it:
			  cp token-server/target/token-server-openapi.json docs/
			or run this test with -Dopenapi.write=true, which rewrites the copy:
			  ./test -pl token-server -am -Dit.test=OpenApiDescriptionIntegrationTests -Dtest=none \
			    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.write=true""";

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static TokenCluster cluster;

	private static String server;

	private static JsonNode served;

	@BeforeAll
	static void start() throws IOException {
		cluster = TokenCluster.withSandbox();
		// WeChat refuses the second app's secret: its reads answer 503.
		cluster.injectFault(STABLE_APP, "/cgi-bin/stable_token", 1000, 40125);
		// short, so that the timeout of a code exchange is quick to show
		server = cluster.startTokenServer("--token-server.upstream.timeout=1s");
		HttpResponse<String> response = get(server + "/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		served = json(response);
		served.path("servers").forEach((entry) -> ((ObjectNode) entry).put("url", COPY_SERVER));
		String pretty = PRETTY.writeValueAsString(served) + "\n";
		Files.writeString(SERVED, pretty);
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COPY, pretty);
		}
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void theCommittedCopyIsWhatTheServerServes() throws IOException {
		JsonNode copy = TokenCluster.JSON.readTree(Files.readString(COPY));
		if (!copy.equals(served)) {
			fail(REGENERATE);
		}
	}

	@Test
	void everyV1MappingIsDescribedUnderTheClientKey() {
		RequestMappingHandlerMapping mappings = cluster.tokenServer(0)
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		Set<String> described = new TreeSet<>();
		Set<String> hidden = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach((path) -> {
			if (!path.startsWith("/v1/")) {
				return;
			}
			if (method.getBeanType().isAnnotationPresent(Hidden.class)) {
				hidden.add(path);
				return;
			}
			described.add(path);
			info.getMethodsCondition().getMethods().forEach((verb) -> {
				JsonNode operation = served.path("paths").path(path).path(verb.name().toLowerCase());
				assertThat(operation.isObject()).as("%s %s is described", verb, path).isTrue();
				JsonNode security = operation.has("security") ? operation.path("security") : served.path("security");
				assertThat(security.toString()).as("%s %s needs the client key", verb, path)
					.isEqualTo("[{\"clientKey\":[]}]");
			});
		}));
		assertThat(described).containsExactly("/v1/apps/{appId}/access-token", "/v1/apps/{appId}/access-token/refresh",
				"/v1/apps/{appId}/jsapi-signature", "/v1/apps/{appId}/oauth2/access-token",
				"/v1/apps/{appId}/{name}-ticket");
		assertThat(hidden).containsExactly("/v1/ping");
		assertThat(served.path("paths").propertyNames()).containsExactlyInAnyOrderElementsOf(described);
		JsonNode scheme = served.path("components").path("securitySchemes").path("clientKey");
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		assertThat(served.path("components").path("schemas").path("TicketName").path("enum").toString())
			.isEqualTo("[\"jsapi\",\"wx-card\"]");
	}

	@Test
	void theDescribedProblemsAreTheOnesTheServerWrites() {
		String app = server + "/v1/apps/" + APP;
		assertDescribed("BadRequest", post(app + "/access-token/refresh", CLIENT_KEY, "{}"));
		assertDescribed("BadRequest", post(app + "/jsapi-signature", CLIENT_KEY, "not json"));
		assertDescribed("Unauthenticated", get(app + "/access-token", null));
		assertDescribed("Forbidden", get(app + "/jsapi-ticket", OTHER_CLIENT_KEY));
		assertDescribed("NotFound", get(server + "/v1/apps/wxunknown/access-token", CLIENT_KEY));
		assertDescribed("NoValidToken", get(server + "/v1/apps/" + STABLE_APP + "/access-token", CLIENT_KEY));
		assertDescribed("BadRequest", post(app + "/oauth2/access-token", CLIENT_KEY, "{\"code\":\" \"}"));
		String exchange = "{\"path\":\"/sns/oauth2/access_token\",\"count\":1,";
		post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/faults", null, exchange + "\"httpStatus\":500}");
		assertDescribed("WeChatUnreachable", post(app + "/oauth2/access-token", CLIENT_KEY, "{\"code\":\"c\"}"));
		post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/faults", null, exchange + "\"delayMillis\":1500}");
		assertDescribed("WeChatTimeout", post(app + "/oauth2/access-token", CLIENT_KEY, "{\"code\":\"c\"}"));
	}

	@Test
	void theCodeExchangeDescribesItsOwnServerErrors() {
		JsonNode responses = served.path("paths")
			.path("/v1/apps/{appId}/oauth2/access-token")
			.path("post")
			.path("responses");
		assertThat(responses.propertyNames()).containsExactlyInAnyOrder("200", "400", "401", "403", "404", "502",
				"504");
		assertThat(responses.path("200").path("content").path("application/json").path("schema").toString())
			.contains("WeChatUserAccessToken")
			.contains("WeChatRefusal");
	}

	@Test
	void noConfiguredSecretOrKeyAppearsInTheDescription() {
		assertThat(served.toString()).doesNotContain("secret-one", "secret-two", CLIENT_KEY, OTHER_CLIENT_KEY, APP,
				STABLE_APP);
	}

	/** The answer has the example's type, title and status, and only described fields. */
	private static void assertDescribed(String name, HttpResponse<String> response) {
		JsonNode described = served.path("components").path("responses").path(name);
		JsonNode content = described.path("content").path("application/problem+json");
		JsonNode example = content.path("example");
		assertThat(response.statusCode()).as(name).isEqualTo(example.path("status").asInt());
		assertThat(response.headers().firstValue("Content-Type")).as(name)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = json(response);
		for (String field : new String[] { "type", "title", "status" }) {
			assertThat(body.path(field)).as("%s %s", name, field).isEqualTo(example.path(field));
		}
		assertThat(example.propertyNames()).as(name).containsAll(body.propertyNames());
		described.path("headers")
			.propertyNames()
			.forEach((header) -> assertThat(response.headers().firstValue(header)).as("%s %s", name, header)
				.isPresent());
	}

}
