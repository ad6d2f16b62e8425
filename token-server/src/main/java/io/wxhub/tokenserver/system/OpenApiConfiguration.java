package io.wxhub.tokenserver.system;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.wxhub.tokenserver.token.TokenKind;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: the Bearer client key, the
 * problems {@link ProblemAdvice} writes, and the error answers every call shares. What
 * differs per call is in the controllers' annotations. Examples are placeholders, never
 * configured values.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String CLIENT_KEY = "clientKey";

	private static final String EXAMPLE_APP = "wx0123456789abcdef";

	private static final String SCHEMAS = "#/components/schemas/";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Bean
	OpenAPI tokenServerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("wxhub token-server")
				.version("1")
				.description("Access tokens and JS-SDK tickets of WeChat Official Accounts, and the code exchange of "
						+ "their web authorization, for internal callers. "
						+ "Cache each answer until its expiresAt. When WeChat answers 40001, 40014 or 42001 to "
						+ "a token, ask for a compare-and-refresh. Every replica answers the same tokens."))
			.addSecurityItem(new SecurityRequirement().addList(CLIENT_KEY))
			.components(new Components()
				.addSecuritySchemes(CLIENT_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A client key (token-server.clients[].key); it names the apps the client may read."))
				.addSchemas("Problem", problemSchema())
				.addSchemas("NoValidTokenProblem", noValidTokenSchema())
				.addSchemas("TicketName", ticketNameSchema())
				.addResponses("BadRequest",
						problem("Malformed request: a body that is not JSON or fails validation "
								+ "(Spring's own problem, without a type: about:blank)", null, "Bad Request", 400,
								"Invalid request content.", "access-token/refresh"))
				.addResponses("Unauthenticated",
						problem("No or an unknown client key", ProblemAdvice.TYPE_BASE + "unauthenticated",
								"Client key required", 401, "A valid Bearer client key is required", "access-token")
							.addHeaderObject("WWW-Authenticate",
									new Header().description("Always Bearer")
										.schema(new StringSchema()._enum(List.of("Bearer")))))
				.addResponses("Forbidden",
						problem("The client key may not read this app", ProblemAdvice.TYPE_BASE + "forbidden",
								"App not allowed for this client", 403,
								"Client example-client may not read app " + EXAMPLE_APP, "access-token"))
				.addResponses("NotFound", problem(
						"No such app is configured; for a ticket, also a name that is no ticket (without a type)",
						ProblemAdvice.TYPE_BASE + "unknown-app", "Unknown app", 404,
						"No app " + EXAMPLE_APP + " is configured", "access-token"))
				.addResponses("NoValidToken", noValidToken())
				.addResponses("WeChatUnreachable",
						problem("WeChat gave no usable answer: no connection, a 5xx, or a body that is no JSON object",
								ProblemAdvice.TYPE_BASE + "upstream-unreachable", "WeChat is unreachable", 502,
								"No answer from WeChat (unreachable)", "oauth2/access-token"))
				.addResponses("WeChatTimeout",
						problem("WeChat did not answer within token-server.upstream.timeout; the request may have "
								+ "reached WeChat", ProblemAdvice.TYPE_BASE + "upstream-timeout",
								"WeChat did not answer in time", 504, "No answer from WeChat (timeout)",
								"oauth2/access-token")));
	}

	/**
	 * Adds the answers every call shares (400 only to calls with a body, 503 only to
	 * calls that declare no 5xx of their own) and describes the {@code appId} path
	 * parameter.
	 */
	@Bean
	OperationCustomizer sharedAnswers() {
		return (operation, handlerMethod) -> {
			ApiResponses responses = operation.getResponses();
			if (operation.getRequestBody() != null) {
				responses.addApiResponse("400", ref("BadRequest"));
			}
			boolean ownServerErrors = responses.keySet().stream().anyMatch((status) -> status.startsWith("5"));
			if (!ownServerErrors) {
				responses.addApiResponse("503", ref("NoValidToken"));
			}
			responses.addApiResponse("401", ref("Unauthenticated"))
				.addApiResponse("403", ref("Forbidden"))
				.addApiResponse("404", ref("NotFound"));
			operation.getParameters()
				.stream()
				.filter((parameter) -> "appId".equals(parameter.getName()))
				.forEach((parameter) -> parameter.description("The app (WeChat's AppID of the account)")
					.example(EXAMPLE_APP));
			return operation;
		};
	}

	private static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	private static ApiResponse noValidToken() {
		ApiResponse response = problem(
				"No valid token can be served now: WeChat refused (errcode, errmsg) or cannot be reached, or "
						+ "refreshes are blocked (WeChat's daily quota, the daily budget). Ask again after Retry-After.",
				ProblemAdvice.TYPE_BASE + "no-valid-token", "No valid token available", 503,
				"No valid access_token for " + EXAMPLE_APP + ": refresh failed (configuration)", "access-token");
		MediaType content = response.getContent().get(PROBLEM_JSON);
		content.schema(new Schema<>().$ref(SCHEMAS + "NoValidTokenProblem"));
		@SuppressWarnings("unchecked")
		Map<String, Object> example = (Map<String, Object>) content.getExample();
		example.put("errcode", 40125);
		example.put("errmsg", "invalid appsecret");
		return response.addHeaderObject("Retry-After",
				new Header().description("Seconds to wait before asking again")
					.required(true)
					.schema(new IntegerSchema().minimum(BigDecimal.ONE)));
	}

	private static ApiResponse problem(String description, String type, String title, int status, String detail,
			String call) {
		Map<String, Object> example = new LinkedHashMap<>();
		if (type != null) {
			example.put("type", type);
		}
		example.put("title", title);
		example.put("status", status);
		example.put("detail", detail);
		example.put("instance", "/v1/apps/" + EXAMPLE_APP + "/" + call);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref(SCHEMAS + "Problem")).example(example)));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem")
			.addProperty("type",
					new StringSchema().format("uri")
						.description("The category, " + ProblemAdvice.TYPE_BASE
								+ "…; absent (about:blank) in Spring's own answers to malformed requests"))
			.addProperty("title", new StringSchema().description("A fixed phrase per type"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong, for people"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
			.required(List.of("title", "status"));
	}

	private static Schema<?> noValidTokenSchema() {
		return new Schema<>().description("A problem that may carry WeChat's refusal")
			.addAllOfItem(new Schema<>().$ref(SCHEMAS + "Problem"))
			.addAllOfItem(new ObjectSchema()
				.addProperty("errcode", new IntegerSchema().description("WeChat's errcode, when WeChat refused"))
				.addProperty("errmsg", new StringSchema().description("WeChat's errmsg, with errcode")));
	}

	private static Schema<?> ticketNameSchema() {
		return new StringSchema()
			.description("A ticket: jsapi (the JS-SDK's, getticket?type=jsapi) or wx-card (the card functions', "
					+ "type=wx_card)")
			._enum(Arrays.stream(TokenKind.values()).map(TokenKind::ticketName).filter(Objects::nonNull).toList());
	}

}
