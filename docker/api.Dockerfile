# syntax=docker/dockerfile:1
# Spiraal's API, which also serves the built web app. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t spiraal-api .
# (docker compose does this for api-1 and api-2; see docker-compose.yml and the README.)

# The current Node LTS (24); the code itself runs on Node 20.19+ too (package.json engines).
ARG NODE_IMAGE=node:24-bookworm-slim

# 1. Build: the whole monorepo's dependencies, then every project (libraries before the apps).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/domain/package.json libs/domain/
COPY libs/collab/package.json libs/collab/
COPY libs/search/package.json libs/search/
COPY libs/interchange/package.json libs/interchange/
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json tsconfig.json ./
COPY libs libs
COPY apps apps
RUN npx nx run-many -t build

# 2. What runs: production dependencies of the API alone (no web tool chain, no test tools),
#    with the build output of the libraries and apps beside them.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/.npmrc ./
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/libs/domain/package.json libs/domain/
COPY --from=build /app/libs/collab/package.json libs/collab/
COPY --from=build /app/libs/search/package.json libs/search/
COPY --from=build /app/libs/interchange/package.json libs/interchange/
RUN npm ci --omit=dev --workspace apps/api --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/collab/dist libs/collab/dist
COPY --from=build /app/libs/search/dist libs/search/dist
COPY --from=build /app/libs/interchange/dist libs/interchange/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist

# 3. Runtime: only that tree, owned by root and run as the unprivileged `node` user (uid 1000),
#    so the process cannot change its own code. Nothing is written inside the container.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
COPY --from=app /app /app
USER node
EXPOSE 3000
# /health: 200 once the database answers. Node's fetch, as the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) flushes pending edits before the process ends: allow it time (stop_grace_period).
CMD ["node", "apps/api/dist/main.js"]
