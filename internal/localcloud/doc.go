// Package localcloud is the local cloud: a persistent emulator of the AWS
// Cloud Control API for the resource types of package awstype, with several
// accounts, asynchronous operations, throttling, latency, out-of-band
// console edits and an activity log.
//
// # Serving
//
// Cloud.Handler serves on one listener, routed by request shape:
//
//   - Cloud Control: AWS JSON 1.0, POST / with X-Amz-Target
//     CloudApiService.<Operation>, all eight operations.
//   - STS GetCallerIdentity: awsQuery form POST with an XML response.
//   - DataZone REST JSON, all GET below /v2/domains/: ListEnvironmentBlueprints,
//     and the reads that return what Cloud Control treats as write-only:
//     GetDomain, GetEnvironmentBlueprintConfiguration, GetProject,
//     ListProjectMemberships, GetUserProfile and GetGroupProfile.
//   - The admin API under /_smus/v1/ (console edits, activity log, health),
//     which ConsoleClient calls.
//
// The access key id of the SigV4 Authorization header is the account id
// and must have 12 digits; the credential scope gives the region. Each
// account is isolated; IAM roles are global within an account and every
// other type is regional.
//
// # Operations
//
// A create, update or delete is decided when Cloud Control accepts it: the
// type's handler (one file per type) checks the DataZone rules against the
// current state and returns the outcome. The request is PENDING for a tenth
// of its simulated duration (at most one simulated second), then
// IN_PROGRESS, then SUCCESS or FAILED at its due time, when the change
// lands in the store. RetryAfter is always the time of the next status
// change. Simulated durations are multiplied by Options.TimeScale: a domain
// takes 10 minutes, a project 60 s, a blueprint configuration 20 s, a
// project profile 5 s, an IAM role 3 s, a membership and a Lake Formation
// grant 2 s, an SSM parameter 1 s, updates and deletes 5 s, and a domain
// deletion 2 minutes. A failure lands after one simulated second.
//
// # Persistence
//
// State lives in bbolt in Options.DataDir. Every acknowledged change is
// committed with fsync before the response is written. Requests carry their
// due times, so after a crash and Open the operations in flight finish at
// their original times, or at once when those have passed. Reads are served
// from memory without a write transaction.
//
// Measured with BenchmarkGetResource and BenchmarkResidentMemory in this
// package (client and server in one process on a 2-vCPU Intel Xeon VM):
// about 95 µs per GetResource, or 10,000 requests per second, and a 53 MiB
// heap with 10,000 IAM roles resident.
//
// # Strict mode
//
// With Options.Strict the emulator reproduces limitations of the real API:
// types with an awstype UpdateLimitation (Project, ProjectMembership,
// EnvironmentBlueprintConfiguration) reject updates as the real service
// does (re-adding a write-only create-only required property fails with
// NotUpdatableException, omitting it fails model validation), and
// ListResources ignores MaxResults. Without it, patches of those types
// apply to the model with its last-known write-only values, so updates
// work, and ListResources honours MaxResults.
//
// # Gaps
//
// Known differences from the real Cloud Control API:
//
//	| Area                | Real API                                        | Local cloud                                                                 |
//	|---------------------|-------------------------------------------------|-----------------------------------------------------------------------------|
//	| Authentication      | SigV4 signatures verified; IAM policies apply   | signature shape only, never verified; every caller may do everything       |
//	| Query authentication| presigned URLs accepted                         | only the Authorization header                                              |
//	| Types               | every public registry type                      | only the awstype registry; others get TypeNotFoundException                |
//	| Schema validation   | full JSON schema of the type                    | required properties, patterns and enums only; unknown properties pass      |
//	| Read-only input     | may be rejected in DesiredState                 | dropped silently from DesiredState                                         |
//	| Handler timing      | rules checked while the handler runs            | checked when the request is accepted; failures land after 1 simulated s    |
//	| PENDING phase       | length unknown                                  | a tenth of the operation, at most 1 simulated second                       |
//	| Durations           | vary; 5 to 15 minutes for a domain              | fixed per type, scaled by TimeScale                                         |
//	| Cancel IN_PROGRESS  | handler stops; downstream work may continue     | the change lands at once, then CANCEL_COMPLETE after 1 simulated second    |
//	| Hooks               | HooksProgressEvent and hook failures            | none                                                                        |
//	| TypeVersionId, RoleArn | select a version; assume a role             | validated for shape and ignored                                            |
//	| Error __type        | sometimes namespaced (com.amazon.coral...#X)    | always the bare name                                                       |
//	| Throttling          | quotas per operation, not published             | one token bucket per account (ThrottleRPS, burst the same)                 |
//	| Update of write-only| handler-specific when a patch omits a value     | omitted write-only values keep their last value                            |
//	| Read-only patch check| exact rule not documented                      | paths addressed by an operation, or values that change; nested values that |
//	|                     |                                                 | match any value of the base model (reordered lists) pass                   |
//	| ListResources filter| handler-specific                                | only the type's list-scope properties filter                               |
//	| Domain names        | uniqueness rule not documented                  | unique per account and region                                              |
//	| Domain defaults     | DomainVersion V1 when omitted                   | the same; SingleSignOn is not defaulted                                    |
//	| Domain roles        | DataZone assumes DomainExecutionRole; a role    | a missing DomainExecutionRole of the caller's account, or one created      |
//	|                     | created seconds earlier can fail with "Unable   | less than RolePropagation ago (10 simulated s), fails with InvalidRequest; |
//	|                     | to assume role" (IAM is eventually consistent)  | trust policies are not read; other accounts' roles and ServiceRole pass    |
//	| Domain deletion     | also removes what is inside it                  | removes its blueprint configurations and profiles; fails with projects     |
//	| Projects            | deploy ON_CREATE environments, create the       | no environments, roles or memberships are created; MembershipAssignments   |
//	|                     | project role and assigned memberships           | and UserParameters are stored only                                         |
//	| Memberships         | member looked up as a DataZone user profile     | profile id derived from the member identifier; no user directory           |
//	| Blueprints API      | custom and managed blueprints                   | the 16 managed blueprints only; managed=false lists nothing                |
//	| DataZone APIs       | full service                                    | the seven GET operations above, from the stored models                     |
//	| Project members     | the creator and MembershipAssignments included  | ListProjectMemberships lists ProjectMembership resources only              |
//	| User and group      | profiles of known users and groups; unknown     | every identifier has a profile; its id is the one a membership derives     |
//	| profiles            | identifiers are not found                       | from it, and an IAM ARN gives an IAM user profile                          |
//	| STS                 | full service                                    | GetCallerIdentity only; every key is user/smus-local                       |
//	| Console edits       | apply regardless of Cloud Control operations    | rejected with ResourceConflictException while an operation is in flight    |
//	| Request history     | 7 days                                          | the same; ClientTokens identify requests for 36 h per account and region   |
//	| Fault injection     | n/a                                             | throttling, latency and strict mode only                                   |
package localcloud
