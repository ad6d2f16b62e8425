package io.wxhub.system.monitoring;

import io.wxhub.system.monitoring.PromQl.Selector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The selectors and grouping labels read from expressions as Prometheus formats them. */
class PromQlTests {

	@Test
	void readsSelectorsWithTheirMatchersAndGroupingsAcrossOperators() {
		PromQl query = PromQl.read("max by (app, kind) (wxhub_token_refresh_errcode and on (instance, app, kind) "
				+ "wxhub_token_refresh_failing{reason=\"configuration\"} == 1) unless on (app) "
				+ "(wxhub_token_whitelist_missing == 1)");
		assertThat(query.selectors()).containsExactly(new Selector("wxhub_token_refresh_errcode", ""),
				new Selector("wxhub_token_refresh_failing", "{reason=\"configuration\"}"),
				new Selector("wxhub_token_whitelist_missing", ""));
		assertThat(query.groupingLabels()).containsExactlyInAnyOrder("app", "kind", "instance");
	}

	@Test
	void functionsNumbersRangesAndStringsAreNoSelectors() {
		PromQl query = PromQl.read("histogram_quantile(0.99, sum by (le) (rate(wxhub_proxy_requests_seconds_bucket"
				+ "{app=~\"wx.*\",api!=\"a}b\"}[5m] offset 1h))) > 1e+3 or vector(2.5E-1) "
				+ "or label_replace(up, \"x\", \"$1\", \"job\", \"(.*)\") * on () group_left () topk(10, nan_metric)");
		assertThat(query.selectors()).extracting(Selector::text)
			.containsExactly("wxhub_proxy_requests_seconds_bucket{app=~\"wx.*\",api!=\"a}b\"}", "up", "nan_metric");
		assertThat(query.groupingLabels()).containsExactly("le");
	}

	@Test
	void readsABareMatcherSetAndAWithoutClause() {
		PromQl query = PromQl.read("sum without (instance) ({__name__=~\"wxhub_.+\", job=\"api-proxy\"})");
		assertThat(query.selectors()).containsExactly(new Selector("", "{__name__=~\"wxhub_.+\", job=\"api-proxy\"}"));
		assertThat(query.groupingLabels()).containsExactly("instance");
	}

}
