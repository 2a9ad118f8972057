import type { Response } from 'express';
import type { Db } from '../../lib/db';
import { sendExport } from '../../lib/export/send-export';
import type { Logger } from '../../lib/logger';
import { AUDIT_COLUMNS, ITEM_COLUMNS, MOVEMENT_COLUMNS, STOCK_COLUMNS } from './exports.columns';
import * as repo from './exports.repository';
import type {
  ExportAuditQuery,
  ExportItemsQuery,
  ExportMovementsQuery,
  ExportStockQuery,
} from './exports.schemas';

interface Target {
  db: Db;
  res: Response;
  logger: Logger;
}

export const exportItems = ({ db, res, logger }: Target, q: ExportItemsQuery) =>
  sendExport(db, res, logger, {
    query: repo.itemsQuery(db, q),
    columns: ITEM_COLUMNS,
    format: q.format,
    name: 'stockroom-items',
    sheetName: 'Items',
  });

export const exportStock = ({ db, res, logger }: Target, q: ExportStockQuery) =>
  sendExport(db, res, logger, {
    query: repo.stockQuery(db, q),
    columns: STOCK_COLUMNS,
    format: q.format,
    name: 'stockroom-stock',
    sheetName: 'Stock',
  });

export const exportMovements = ({ db, res, logger }: Target, q: ExportMovementsQuery) =>
  sendExport(db, res, logger, {
    query: repo.movementsQuery(db, q),
    columns: MOVEMENT_COLUMNS,
    format: q.format,
    name: 'stockroom-movements',
    sheetName: 'Movements',
  });

export const exportAudit = ({ db, res, logger }: Target, q: ExportAuditQuery) =>
  sendExport(db, res, logger, {
    query: repo.auditQuery(db, q),
    columns: AUDIT_COLUMNS,
    format: q.format,
    name: 'stockroom-audit',
    sheetName: 'Audit log',
  });
