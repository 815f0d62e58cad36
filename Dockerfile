# studybot: build with Maven, run on a slim JRE as a non-root user.
#   docker build -t studybot .
#   docker run -d --name studybot -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN \
#     -v "$PWD/my-notes:/notes:ro" -v studybot-data:/data studybot
# Tokens come only from the environment; notes and data are volumes.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY knowledge/pom.xml knowledge/
COPY bot/pom.xml bot/
COPY config config
COPY knowledge/src knowledge/src
COPY bot/src bot/src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 studybot \
    && useradd --system --uid 10001 --gid studybot --home-dir /app --shell /usr/sbin/nologin studybot \
    && mkdir -p /notes /data \
    && chown studybot:studybot /data
WORKDIR /app
COPY --from=build /src/bot/target/studybot.jar /app/studybot.jar
COPY config /app/config
# The sample notes, for a first try without a notes volume: docker run ... studybot run --notes /app/notes
COPY notes /app/notes
USER studybot
VOLUME ["/notes", "/data"]
# A fixed heap cap, not a share of the memory: without a container memory limit a share is one of the host's
# memory, and the JVM grows its heap to it (2.3 GB of RSS for a run whose live heap stays near 200 MB).
# Override with -e JAVA_TOOL_OPTIONS=-Xmx1g for much larger notes.
ENV JAVA_TOOL_OPTIONS="-Xmx512m"
# The embedding model's tokenizer unpacks its native library (shipped in the jar) into DJL's cache; the
# user's home (/app) is not writable, so the cache goes to /tmp.
ENV DJL_CACHE_DIR=/tmp/djl-cache
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
  CMD ["java", "-jar", "/app/studybot.jar", "health", "--data", "/data"]
ENTRYPOINT ["java", "-jar", "/app/studybot.jar"]
CMD ["run", "--notes", "/notes", "--data", "/data", "--db", "/data/studybot.db"]
