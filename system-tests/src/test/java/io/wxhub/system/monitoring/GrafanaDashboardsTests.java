package io.wxhub.system.monitoring;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards as Grafana's provisioning loads them (Grafana itself is not installable
 * here): the four of the issue, each panel on the provisioned data source with a unit and
 * a query. That every query reads exported series is {@link MonitoringLiveScrapeTests}'
 * part.
 */
class GrafanaDashboardsTests {

	private final Map<String, JsonNode> dashboards = MonitoringFiles.dashboards();

	@Test
	void theFourDashboardsAreProvisionedFromTheirFolder() throws Exception {
		assertThat(this.dashboards).containsOnlyKeys("overview.json", "tokens.json", "api-proxy.json",
				"message-service.json");
		Set<String> uids = new HashSet<>();
		this.dashboards.forEach((file, dashboard) -> {
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid, unique").isTrue();
			assertThat(dashboard.path("uid").asString()).as(file).matches("wxhub-[a-z-]+");
			assertThat(dashboard.path("tags").toString()).as(file).contains("\"wxhub\"");
		});
		String provider = Files
			.readString(MonitoringFiles.monitoring().resolve("grafana/provisioning/dashboards/wxhub.yml"));
		assertThat(provider).contains("type: file", "path: /etc/grafana/dashboards");
	}

	@Test
	void everyPanelQueriesTheProvisionedPrometheusWithAUnit() throws Exception {
		String datasources = Files
			.readString(MonitoringFiles.monitoring().resolve("grafana/provisioning/datasources/prometheus.yml"));
		assertThat(datasources).contains("uid: wxhub-prometheus", "type: prometheus");
		this.dashboards.forEach((file, dashboard) -> {
			JsonNode panels = dashboard.path("panels");
			assertThat(panels.size()).as(file + ": a few panels, not a sprawl").isBetween(4, 8);
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : panels) {
				String where = file + " \"" + panel.path("title").asString() + "\"";
				assertThat(ids.add(panel.path("id").asInt())).as(where + " id, unique").isTrue();
				assertThat(panel.path("type").asString()).as(where).isIn("timeseries", "stat", "table");
				assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo("wxhub-prometheus");
				assertThat(panel.path("fieldConfig").path("defaults").path("unit").asString()).as(where + " unit")
					.isNotBlank();
				assertThat(panel.path("gridPos").path("w").asInt()).as(where).isBetween(1, 24);
				assertThat(panel.path("targets").size()).as(where + " queries").isPositive();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("expr").asString()).as(where).isNotBlank();
					assertThat(target.path("datasource").path("uid").asString()).as(where)
						.isEqualTo("wxhub-prometheus");
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				assertThat(variable.path("datasource").path("uid").asString()).isEqualTo("wxhub-prometheus");
			}
		});
	}

}
