// Package compare compares two environments of one SageMaker Unified Studio
// platform, such as staging and prod, after normalizing what legitimately
// differs between them.
//
// Resources are matched by state address (module path, type, name and
// index key). Before values are compared, a Normalizer replaces account
// ids, regions inside ARNs, generated ids (DataZone domain and resource ids,
// IAM unique ids such as AROA..., request tokens) and words that name an
// environment with placeholders, so that "arn:aws:iam::111122223333:role/
// fraud-prod" and "arn:aws:iam::444455556666:role/fraud-staging" compare
// equal. What remains is reported: resources present in one environment
// only, attribute differences by path, and IAM differences per role at
// statement level (statements in one environment only, and for statements
// that match by Sid or by Effect, Principal and Resource, the actions that
// only one side allows).
//
// Run compares the states; with Options.Live it also reads the live models
// of both environments through Cloud Control and compares those, including
// the live execution role of every project. The package returns data and
// never prints; cmd/smus renders it.
package compare
