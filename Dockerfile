# syntax=docker/dockerfile:1
# One image per service, built from this one file:
#   docker build --build-arg SERVICE=token-server -t wxhub/token-server .
# SERVICE is one of token-server, api-proxy, message-service, web-auth, sandbox
# (docker-compose.yml passes it). The build runs in Docker, so the host needs no JDK or Maven.

# --- build: package the service's executable jar and split it into Spring Boot layers ---
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
RUN case "$SERVICE" in \
      token-server|api-proxy|message-service|web-auth|sandbox) ;; \
      *) echo "build arg SERVICE must be token-server, api-proxy, message-service, web-auth or sandbox (got '$SERVICE')" >&2; exit 1 ;; \
    esac
WORKDIR /src
COPY . .
# The image's Maven (3.9, as the wrapper pins) instead of ./mvnw, which would download Maven first.
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "$SERVICE" -am -DskipTests -Dspring-javaformat.validate.skip=true package \
 && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- runtime: a JRE, the layers from the least to the most often changing, a non-root user ---
FROM eclipse-temurin:17-jre
# curl for the compose healthchecks (GET /actuator/health/readiness)
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wxhub \
 && useradd --system --uid 10001 --gid wxhub --no-create-home --home-dir /app --shell /usr/sbin/nologin wxhub
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER 10001:10001
# The heap's share of the container's memory, in the environment rather than on the command line
# (which would win over it), so that a platform can change it: Kubernetes sets 50 % of its limit
# (deploy/kubernetes, docs/operations.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
