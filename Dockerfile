# syntax=docker/dockerfile:1
# The studio's image: one jar for every role (STUDIO_ROLE=all, web or worker).
# Build stage: the Maven wrapper on a JDK 17, with Node 20 for the editor page (web-editor/frontend).
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:17-jdk-jammy AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY nodes-catalog nodes-catalog
COPY activities activities
COPY workflow-engine workflow-engine
COPY web-editor web-editor
# The Maven repository and npm's cache stay between builds (BuildKit cache mounts).
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q -DskipTests package \
 && cp web-editor/target/image-studio-flow.jar /src/image-studio-flow.jar

# Runtime stage: a JRE 17. The OpenCV/FFmpeg natives in the jar are linux-x86_64 only, so the
# image is linux/amd64 (docker-compose.yml says so). Text nodes draw with a system font.
FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/studio studio
WORKDIR /app
COPY --from=build /src/image-studio-flow.jar /app/image-studio-flow.jar
# JavaCPP unpacks the natives into ~/.javacpp/cache; blobs go to data/blobs unless S3 is used.
RUN mkdir -p /app/data && chown studio /app/data
USER studio
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/image-studio-flow.jar"]
