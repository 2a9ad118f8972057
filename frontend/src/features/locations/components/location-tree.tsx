import { useState } from 'react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import type { LocationTreeNode } from '@/lib/api-types';
import { formatStockTotals } from './stock-totals';

interface LocationTreeProps {
  nodes: LocationTreeNode[];
  /** Offer "Add here" on each active row (for those who may create locations). */
  canAdd?: boolean;
}

function childrenByParent(nodes: LocationTreeNode[]): Map<number | null, LocationTreeNode[]> {
  const map = new Map<number | null, LocationTreeNode[]>();
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) {
    // A node whose parent is filtered out (e.g. archived) still shows, at the top.
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const siblings = map.get(parent) ?? [];
    siblings.push(node);
    map.set(parent, siblings);
  }
  return map;
}

/**
 * Warehouse → zone → bin as nested lists with disclosure buttons (aria-expanded), which every
 * screen reader and keyboard handles without a custom tree widget. Top levels start open.
 */
export function LocationTree({ nodes, canAdd = false }: LocationTreeProps) {
  const children = childrenByParent(nodes);
  const parents = nodes.filter((node) => children.has(node.id)).map((node) => node.id);
  const [expanded, setExpanded] = useState<Set<number>>(
    () => new Set(nodes.filter((node) => node.depth === 0).map((node) => node.id)),
  );

  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderLevel = (parentId: number | null, id?: string) => (
    <ul className="location-tree__list" id={id}>
      {(children.get(parentId) ?? []).map((node) => {
        const hasChildren = children.has(node.id);
        const isOpen = expanded.has(node.id);
        const groupId = `location-${node.id}-children`;
        return (
          <li key={node.id} className="location-tree__item">
            <div className="location-tree__row">
              {hasChildren ? (
                <button
                  type="button"
                  className="location-tree__toggle"
                  aria-expanded={isOpen}
                  aria-controls={groupId}
                  onClick={() => toggle(node.id)}
                >
                  <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                  <span className="visually-hidden">Contents of {node.code}</span>
                </button>
              ) : (
                <span className="location-tree__spacer" aria-hidden="true" />
              )}
              <Link to={paths.location(node.id)} className="location-tree__link">
                <span className="mono">{node.code}</span> {node.name}
              </Link>
              {node.archivedAt ? <span className="badge badge--archived">Archived</span> : null}
              <span className="location-tree__stats">{formatStockTotals(node)}</span>
              {canAdd && !node.archivedAt ? (
                <Link to={paths.newLocation(node.id)} className="location-tree__add">
                  {/* The visible words start the accessible name (WCAG 2.5.3, label in name). */}
                  <span aria-hidden="true">+ </span>Add a location
                  <span className="visually-hidden"> in {node.code}</span>
                </Link>
              ) : null}
            </div>
            {hasChildren && isOpen ? renderLevel(node.id, groupId) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="location-tree">
      {parents.length > 0 ? (
        <div className="button-row location-tree__controls">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setExpanded(new Set(parents))}
          >
            Expand all
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setExpanded(new Set())}
          >
            Collapse all
          </button>
        </div>
      ) : null}
      {renderLevel(null)}
    </div>
  );
}
