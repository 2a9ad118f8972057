import express, { type RequestHandler, type Router } from 'express';
import type { AnyRoute } from './define-route';
import { mountRoutes } from './mount-routes';

/**
 * A module's routes, loaded on the first request under `/<segment>` (issue 12, idle memory):
 * the routes module, its service and its zod schemas stay out of a process that never serves
 * them. Every path in the group starts with `/<segment>` and no other group's does, so where
 * the group is mounted decides nothing about which route matches.
 */
export interface LazyRoutes {
  segment: string;
  /** The group's routes, loaded once (on the first call). */
  routes: () => AnyRoute[];
}

/** Routes mounted at startup, or a group loaded on first use. */
export type RouteGroup = readonly AnyRoute[] | LazyRoutes;

export function lazyRoutes(segment: string, load: () => AnyRoute[]): LazyRoutes {
  let routes: AnyRoute[] | undefined;
  return {
    segment,
    routes: () => {
      if (routes) return routes;
      const loaded = load();
      const stray = loaded.find((r) => firstSegment(r.path) !== segment);
      if (stray) throw new Error(`${stray.operationId} (${stray.path}) is not under /${segment}`);
      return (routes = loaded);
    },
  };
}

export const isLazy = (group: RouteGroup): group is LazyRoutes => !Array.isArray(group);

/** Every route of every group, in matching order (loads the lazy groups). */
export const allRoutes = (groups: readonly RouteGroup[]): AnyRoute[] =>
  groups.flatMap((g) => (isLazy(g) ? g.routes() : g));

/**
 * The first path segment in lower case: Express matches routes case-insensitively and with or
 * without a trailing slash, so this admits every request one of the group's routes could match.
 */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return (end < 0 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}

/** A lazy group's segment is its own: no other group (lazy or not) has a path under it. */
function checkSegments(groups: readonly RouteGroup[]): void {
  const lazy = new Set<string>();
  for (const group of groups.filter(isLazy)) {
    if (lazy.has(group.segment)) throw new Error(`two lazy route groups under /${group.segment}`);
    lazy.add(group.segment);
  }
  for (const route of groups.flatMap((g) => (isLazy(g) ? [] : g)))
    if (lazy.has(firstSegment(route.path)))
      throw new Error(`${route.operationId} (${route.path}) is under a lazy group's segment`);
}

/** Mounts each group in order; a lazy one as a router built on its first matching request. */
export function mountRouteGroups(
  router: Router,
  groups: readonly RouteGroup[],
  parseBody: RequestHandler,
): void {
  checkSegments(groups);
  for (const group of groups) {
    if (!isLazy(group)) {
      mountRoutes(router, group, parseBody);
      continue;
    }
    let sub: Router | undefined;
    router.use((req, res, next) => {
      if (firstSegment(req.path) !== group.segment) return next();
      if (!sub) {
        sub = express.Router();
        mountRoutes(sub, group.routes(), parseBody);
      }
      sub(req, res, next);
    });
  }
}
