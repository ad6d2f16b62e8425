package io.wxhub.system.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxhub.system.e2e.LaunchedSystem;
import io.wxhub.system.monitoring.PromQl.Selector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real Prometheus against the running system, as {@code ./run} starts it: it scrapes
 * every service with the shipped jobs, and every metric that an alert rule, a dashboard
 * panel or a dashboard variable reads exists from start-up, for every configured app,
 * with the labels the query groups by and its texts name. Each query is parsed by
 * Prometheus itself ({@code format_query}) before its selectors are asked for series.
 */
class MonitoringLiveScrapeTests {

	private static final Set<String> JOBS = Set.of("token-server", "api-proxy", "message-service", "web-auth");

	private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.(\\w+)");

	private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)");

	private static final Pattern MATCHER_LABEL = Pattern.compile("(\\w+)\\s*[=!]");

	@TempDir
	static Path directory;

	private static LaunchedSystem system;

	private static PrometheusServer prometheus;

	@BeforeAll
	static void start() throws Exception {
		system = LaunchedSystem.start();
		prometheus = PrometheusServer.start(directory);
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(prometheus.targets()).as(prometheus.log())
				.isNotEmpty()
				.allSatisfy((target) -> assertThat(target.path("health").asString())
					.as(target.path("scrapeUrl").asString() + " " + target.path("lastError").asString())
					.isEqualTo("up")));
		Instant scraped = Instant.now();
		// every rule evaluated on what the scrapes brought
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(rules())
				.allSatisfy((rule) -> assertThat(Instant.parse(rule.path("lastEvaluation").asString()))
					.isAfter(scraped.plusSeconds(2))));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (prometheus != null) {
				prometheus.close();
			}
		}
		finally {
			if (system != null) {
				system.close();
			}
		}
	}

	@Test
	void prometheusScrapesEveryServiceOfTheSystem() {
		Set<String> jobs = new TreeSet<>();
		prometheus.targets().forEach((target) -> {
			jobs.add(target.path("labels").path("job").asString());
			assertThat(target.path("scrapeUrl").asString()).endsWith("/actuator/prometheus");
		});
		assertThat(jobs).isEqualTo(JOBS);
		for (String job : JOBS) {
			assertThat(prometheus.series("up{job=\"" + job + "\"}")).as(job).isNotEmpty();
		}
	}

	@Test
	void everySeriesTheAlertRulesReadExistsWithTheLabelsTheyUse() {
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> rule : MonitoringFiles.alertRules()) {
			Set<String> labels = new LinkedHashSet<>();
			MonitoringFiles.<Map<String, Object>>cast(rule.get("annotations"))
				.values()
				.forEach((text) -> labels.addAll(matches(TEMPLATE_LABEL, String.valueOf(text))));
			problems.addAll(check("alert " + rule.get("alert"), String.valueOf(rule.get("expr")), labels).problems());
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everySeriesTheDashboardsReadExistsWithTheLabelsTheyUse() {
		List<String> problems = new ArrayList<>();
		int queries = 0;
		for (Map.Entry<String, JsonNode> dashboard : MonitoringFiles.dashboards().entrySet()) {
			for (JsonNode variable : dashboard.getValue().path("templating").path("list")) {
				Matcher query = LABEL_VALUES.matcher(variable.path("query").path("query").asString());
				assertThat(query.matches()).as(dashboard.getKey() + " variable " + variable.path("name").asString())
					.isTrue();
				problems.addAll(check(dashboard.getKey() + " variable " + variable.path("name").asString(),
						query.group(1), Set.of(query.group(2)))
					.problems());
			}
			for (JsonNode panel : dashboard.getValue().path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					String where = dashboard.getKey() + " panel \"" + panel.path("title").asString() + "\"";
					problems.addAll(check(where, withVariables(target.path("expr").asString()),
							matches(LEGEND_LABEL, target.path("legendFormat").asString()))
						.problems());
					queries++;
				}
			}
		}
		assertThat(queries).as("panel queries").isGreaterThanOrEqualTo(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void everyAppHasEverySeriesFromStartUp() {
		// per job: the apps any referenced metric carries must be on every one that has
		// an
		// app label (the services register them for each configured app at start-up)
		Map<String, Map<String, Set<String>>> appsByJobAndMetric = new TreeMap<>();
		for (String metric : referencedMetrics()) {
			for (JsonNode series : prometheus.series(metric)) {
				if (series.has("app")) {
					appsByJobAndMetric.computeIfAbsent(series.path("job").asString(), (job) -> new TreeMap<>())
						.computeIfAbsent(metric, (name) -> new TreeSet<>())
						.add(series.path("app").asString());
				}
			}
		}
		assertThat(appsByJobAndMetric).containsKeys("token-server", "api-proxy", "message-service");
		appsByJobAndMetric.forEach((job, metrics) -> {
			Set<String> apps = new TreeSet<>();
			metrics.values().forEach(apps::addAll);
			assertThat(apps).as(job + " apps").isNotEmpty().doesNotContain("", "-");
			metrics.forEach((metric, seen) -> assertThat(seen).as(job + " " + metric).isEqualTo(apps));
		});
	}

	@Test
	void theRulesUnitTestsUseSeriesAsTheServicesExportThem() {
		Map<String, Object> cases = MonitoringFiles
			.yaml(MonitoringFiles.prometheusDirectory().resolve("alerts-test.yml"));
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> test : MonitoringFiles.<List<Map<String, Object>>>cast(cases.get("tests"))) {
			for (Map<String, Object> input : MonitoringFiles
				.<List<Map<String, Object>>>cast(test.get("input_series"))) {
				Selector series = PromQl.read(String.valueOf(input.get("series"))).selectors().get(0);
				Set<String> labels = new TreeSet<>(matches(MATCHER_LABEL, series.matchers()));
				Set<Set<String>> exported = new LinkedHashSet<>();
				for (JsonNode live : prometheus.series(series.metric())) {
					Set<String> names = new TreeSet<>(live.propertyNames());
					names.remove("__name__");
					exported.add(names);
				}
				if (!exported.contains(labels)) {
					problems.add(series.text() + ": the services export " + series.metric() + " with " + exported);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theRulesEvaluateCleanlyAndNoneFiresOnAHealthySystem() {
		assertThat(rules()).hasSize(MonitoringFiles.alertRules().size())
			.allSatisfy((rule) -> assertThat(rule.path("health").asString())
				.as(rule.path("name").asString() + ": " + rule.path("lastError").asString())
				.isEqualTo("ok"));
		List<String> firing = new ArrayList<>();
		prometheus.alerts().forEach((alert) -> {
			if ("firing".equals(alert.path("state").asString())) {
				firing.add(alert.path("labels").toString());
			}
		});
		assertThat(firing).isEmpty();
	}

	private static List<JsonNode> rules() {
		List<JsonNode> rules = new ArrayList<>();
		prometheus.rules().forEach((group) -> group.path("rules").forEach(rules::add));
		return rules;
	}

	/** The metric names that the rules and the dashboards select. */
	private static Set<String> referencedMetrics() {
		Set<String> metrics = new TreeSet<>();
		List<String> queries = new ArrayList<>();
		MonitoringFiles.alertRules().forEach((rule) -> queries.add(String.valueOf(rule.get("expr"))));
		MonitoringFiles.dashboards()
			.values()
			.forEach((dashboard) -> dashboard.path("panels")
				.forEach((panel) -> panel.path("targets")
					.forEach((target) -> queries.add(withVariables(target.path("expr").asString())))));
		for (String query : queries) {
			PromQl.read(prometheus.format(query))
				.selectors()
				.stream()
				.map(Selector::metric)
				.filter((metric) -> !metric.isEmpty() && !metric.equals("up"))
				.forEach(metrics::add);
		}
		assertThat(metrics).isNotEmpty();
		return metrics;
	}

	/**
	 * What a query reads, and what is wrong with it: a parse error, a selector that
	 * matches no series, a label it uses that none of its series has.
	 */
	private static Checked check(String where, String query, Collection<String> labelsUsed) {
		List<String> problems = new ArrayList<>();
		PromQl read;
		try {
			read = PromQl.read(prometheus.format(query));
		}
		catch (AssertionError ex) {
			return new Checked(List.of(where + ": " + ex.getMessage()));
		}
		if (read.selectors().isEmpty()) {
			problems.add(where + ": selects no metric");
		}
		Set<String> available = new TreeSet<>();
		for (Selector selector : read.selectors()) {
			JsonNode series = prometheus.series(selector.text());
			if (series.isEmpty()) {
				problems.add(where + ": no series matches " + selector.text());
			}
			series.forEach((one) -> available.addAll(one.propertyNames()));
		}
		Set<String> used = new TreeSet<>(read.groupingLabels());
		used.addAll(labelsUsed);
		used.removeAll(available);
		if (!used.isEmpty() && !read.selectors().isEmpty()) {
			problems.add(where + ": no series of " + read.selectors() + " has the labels " + used);
		}
		return new Checked(problems);
	}

	/** A dashboard query with Grafana's variables as they read with "All" chosen. */
	private static String withVariables(String expr) {
		return expr.replace("$__rate_interval", "1m").replaceAll("\\$\\{?\\w+}?", ".*");
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private record Checked(List<String> problems) {
	}

}
