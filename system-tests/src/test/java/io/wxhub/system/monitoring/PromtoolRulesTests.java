package io.wxhub.system.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.wxhub.system.monitoring.MonitoringFiles.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules as Prometheus's own {@code promtool} reads them: valid, and firing as
 * {@code alerts-test.yml} expects on synthetic series (named and labelled as the services
 * export them: {@link MonitoringLiveScrapeTests} checks that against a live scrape).
 */
class PromtoolRulesTests {

	private final Path directory = MonitoringFiles.prometheusDirectory();

	@Test
	void promtoolAcceptsTheRulesAndThePrometheusConfiguration() {
		Run rules = promtool("check", "rules", "alerts.yml");
		assertThat(rules.exitCode()).as(rules.output()).isZero();
		assertThat(rules.output()).contains("SUCCESS: " + MonitoringFiles.alertRules().size() + " rules found");
		Run config = promtool("check", "config", "prometheus.yml");
		assertThat(config.exitCode()).as(config.output()).isZero();
	}

	@Test
	void everyAlertFiresAsItsUnitTestsExpect() {
		Run tests = promtool("test", "rules", "alerts-test.yml");
		assertThat(tests.exitCode()).as(tests.output()).isZero();
		assertThat(tests.output()).contains("SUCCESS");
		String cases = read(this.directory.resolve("alerts-test.yml"));
		for (Map<String, Object> rule : MonitoringFiles.alertRules()) {
			assertThat(cases).as("a unit test that expects " + rule.get("alert") + " to fire")
				.containsPattern("alertname: " + rule.get("alert") + "\\s+exp_alerts:\\s+- exp_labels");
		}
	}

	@Test
	void aWrongExpectationFailsTheUnitTests(@TempDir Path copy) throws Exception {
		// the unit tests can fail: one expected value changed, promtool says so
		Files.copy(this.directory.resolve("alerts.yml"), copy.resolve("alerts.yml"));
		String cases = read(this.directory.resolve("alerts-test.yml"));
		assertThat(cases).contains("ip: 218.58.124.130\n");
		Files.writeString(copy.resolve("alerts-test.yml"), cases.replace("ip: 218.58.124.130\n", "ip: 10.0.0.1\n"));
		Run tests = MonitoringFiles
			.run(List.of(MonitoringFiles.tool("promtool").toString(), "test", "rules", "alerts-test.yml"), copy);
		assertThat(tests.exitCode()).as(tests.output()).isNotZero();
		assertThat(tests.output()).contains("FAILED", "WxhubTokenIpNotWhitelisted");
	}

	@Test
	void everyAlertSaysHowBadItIsAndWhatToDo() {
		assertThat(MonitoringFiles.alertRules()).hasSizeGreaterThanOrEqualTo(14).allSatisfy((rule) -> {
			String name = String.valueOf(rule.get("alert"));
			assertThat(name).matches("Wxhub[A-Za-z0-9]+");
			Map<String, Object> labels = MonitoringFiles.cast(rule.get("labels"));
			assertThat(labels.get("severity")).as(name).isIn("critical", "warning");
			Map<String, Object> annotations = MonitoringFiles.cast(rule.get("annotations"));
			assertThat(annotations).as(name).containsOnlyKeys("summary", "runbook");
			assertThat(String.valueOf(annotations.get("runbook"))).as(name + " runbook: one line")
				.doesNotContain("\n")
				.hasSizeGreaterThan(40);
		});
	}

	private Run promtool(String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of(MonitoringFiles.tool("promtool").toString()));
		command.addAll(List.of(arguments));
		return MonitoringFiles.run(command, this.directory);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
