// Types for the inventory API (/api/v1), derived from the OpenAPI document the backend
// publishes (docs/api/openapi.json → `npm run gen:api` → api-schema.gen.ts), so a change
// in the API shows up here as a type error instead of a runtime surprise.
// Quantities are decimal strings ("12", "0.5"); ids are integers; timestamps ISO strings.
import type { components, paths } from './api-schema.gen';
import {
  apiTokenScopeValues,
  auditActionValues,
  eventTypeValues,
  countableUnitValues,
  unitValues,
  movementKindValues,
  smtpTlsModeValues,
  userRoleValues,
} from './api-schema.gen';

type Schemas = components['schemas'];
type JsonBody<T> = T extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
type Query<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type OffsetPage = Schemas['LowStock']['page'];
export interface OffsetList<T> {
  data: T[];
  page: OffsetPage;
}
/** Keyset pages of items, locations and a location's stock: cursors both ways and a capped count. */
export type KeysetPage = Schemas['CursorPage'];
export interface KeysetList<T> {
  data: T[];
  page: KeysetPage;
}
export type CursorPage = Schemas['MovementPage']['page'];
export interface CursorList<T> {
  data: T[];
  page: CursorPage;
}

// Items
export type Item = Schemas['Item'];
export type Unit = Item['unit'];
// Enumerations come from the OpenAPI document (gen:api --enum-values), never hand-copied.
export const UNITS: readonly Unit[] = unitValues;
/** Units that take whole numbers only (each, box, …); the API refuses fractions for them. */
export const COUNTABLE_UNITS: readonly Unit[] = countableUnitValues;
export const isCountableUnit = (unit: string): boolean =>
  (COUNTABLE_UNITS as readonly string[]).includes(unit);

type ItemsQueryParams = Query<paths['/api/v1/items']['get']>;
export type ArchivedFilter = NonNullable<ItemsQueryParams['archived']>;
export type ItemSort = NonNullable<ItemsQueryParams['sort']>;
export type SortOrder = NonNullable<ItemsQueryParams['order']>;
export type ItemInput = JsonBody<paths['/api/v1/items']['post']>;
export type ItemPatch = JsonBody<paths['/api/v1/items/{id}']['patch']>;
export type ItemStock = Schemas['ItemStock'];
export type ItemStockLine = ItemStock['data'][number];

// Locations
export type Location = Schemas['Location'];
export type LocationTreeNode = Schemas['LocationTreeNode'];
export type LocationInput = JsonBody<paths['/api/v1/locations']['post']>;
export type LocationPatch = JsonBody<paths['/api/v1/locations/{id}']['patch']>;
export type LocationStockLine = Schemas['LocationStock']['data'][number];

// Stock reports
export type LowStockLine = Schemas['LowStock']['data'][number];
export type StockSummary = Schemas['StockSummary'];
export type StockAsOf = Schemas['StockAsOf'];
export type StockAsOfLine = StockAsOf['data'][number];
export type Reconciliation = Schemas['Reconciliation'];

// Movements
export type Movement = Schemas['Movement'];
export type MovementKind = Movement['kind'];
export type MovementLocationRef = NonNullable<Movement['fromLocation']>;
export const MOVEMENT_KINDS: readonly MovementKind[] = movementKindValues;
export type MovementInput = JsonBody<paths['/api/v1/movements']['post']>;
export type MovementFilters = Omit<Query<paths['/api/v1/movements']['get']>, 'limit' | 'cursor'>;

// Accounts (issue 4)
export type User = Schemas['User'];
export type UserName = Schemas['UserNameList']['data'][number];
export type MovementAuthor = NonNullable<Movement['createdBy']>;
export type Role = User['role'];
export type SignInThrottleCleared = Schemas['SignInThrottleCleared'];
export const ROLES: readonly Role[] = userRoleValues;
export type Me = Schemas['Me'];
export type Settings = Schemas['Settings'];
export type ApiToken = Schemas['ApiToken'];
export type ApiTokenScope = ApiToken['scope'];
export const API_TOKEN_SCOPES: readonly ApiTokenScope[] = apiTokenScopeValues;
export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = Schemas['AuditAction'];
/** Every action the API records (the backend's AUDIT_ACTIONS, through the OpenAPI document). */
export const AUDIT_ACTIONS: readonly AuditAction[] = auditActionValues;

// Labels (issue 16)
export type LabelLayout = Schemas['LabelLayout'];
export type LabelPreset = LabelLayout['preset'];
export type LabelGrid = NonNullable<LabelLayout['custom']>;
export type LabelSource = Schemas['LabelSource'];

// Events and webhooks (issue 15)
export type EventType = Schemas['EventType'];
export const EVENT_TYPES: readonly EventType[] = eventTypeValues;
export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookInput = JsonBody<paths['/api/v1/webhooks']['post']>;
export type WebhookDelivery = Schemas['WebhookDelivery'];

// Email and alerts (issue 15)
export type MailSettings = Schemas['MailSettings'];
export type MailSettingsInput = JsonBody<paths['/api/v1/mail/settings']['put']>;
export type SmtpTlsMode = Schemas['SmtpTlsMode'];
export const SMTP_TLS_MODES: readonly SmtpTlsMode[] = smtpTlsModeValues;
export type AlertPreferences = Schemas['AlertPreferences'];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type NotificationUnreadCount = Schemas['NotificationUnreadCount'];
export type AlertPreferencesInput = JsonBody<paths['/api/v1/account/alert-preferences']['patch']>;
export type InviteUserInput = JsonBody<paths['/api/v1/users/invitations']['post']>;
export type PendingInvitation = Schemas['PendingInvitation'];
export type MailOutbox = Schemas['MailOutbox'];
export type OutboxMessage = Schemas['OutboxMessage'];

export type CountSession = Schemas['CountSession'];
export type CountLine = Schemas['CountLine'];
export type CountSessionDetail = Schemas['CountSessionDetail'];
export type CountReview = Schemas['CountReview'];
export type CountReviewLine = Schemas['CountReviewLine'];

/** The export downloads (GET /exports/…): what each takes besides its format. */
export type ExportKind = 'items' | 'stock' | 'movements' | 'audit';
export type ExportQuery<K extends ExportKind> = Omit<
  Query<paths[`/api/v1/exports/${K}`]['get']>,
  'format'
>;

// Imports (issue 13): upload → mapping (preview) → dry run → commit.
export type ImportResource = Schemas['Import'];
export type ImportStatus = ImportResource['status'];
export type ImportMapping = NonNullable<Schemas['ImportMapping']>;
export type ImportStockAs = Schemas['ImportStockAs'];
export type ImportMode = Schemas['ImportMode'];
export type ImportColumns = Schemas['ImportColumns'];
export type ImportField = keyof ImportColumns;
export type ImportCounts = NonNullable<ImportResource['preview']>;
export type ImportJob = NonNullable<ImportResource['job']>;
export type ImportProblem = Schemas['ImportProblem'];
export type ImportProblemPage = Schemas['ImportProblemPage'];
