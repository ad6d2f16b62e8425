package io.wxhub.sandbox.domain;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Extra ports on which the sandbox stands in for more of WeChat's API domains
 * ({@code sandbox.domains.*}), e.g. a primary and its backup, each with a fault switch.
 *
 * @param extraPorts ports served besides {@code server.port}, each by the same emulated
 * WeChat; 0 picks a free port ({@code GET /sandbox/domains} tells which)
 */
@ConfigurationProperties("sandbox.domains")
public record DomainProperties(@DefaultValue List<Integer> extraPorts) {
}
