package cloudcontrol

import (
	"crypto/sha256"

	"github.com/google/uuid"

	"github.com/smus-dev/smus/internal/awstype"
)

// ClientToken returns the client token that Create derives for a desired
// state: the SHA-256 of the type name, the canonical form of desired (after
// the type's normalization, so set order and policy whitespace do not
// matter) and salt, formatted as a version 8 UUID. Two runs with the same
// desired state send the same token, so Cloud Control returns the request of
// the first run instead of starting a second one, for 36 hours after the
// token's first use.
func ClientToken(typeName string, desired map[string]any, salt string) string {
	t := typeOf(typeName)
	h := sha256.New()
	h.Write([]byte(typeName))
	h.Write([]byte{0})
	h.Write(awstype.CanonicalJSON(t.Normalize(desired)))
	h.Write([]byte{0})
	h.Write([]byte(salt))
	var id uuid.UUID
	copy(id[:], h.Sum(nil))
	id[6] = id[6]&0x0f | 0x80 // version 8: custom, RFC 9562
	id[8] = id[8]&0x3f | 0x80 // variant RFC 9562

	return id.String()
}

// randomToken returns a fresh random client token.
func randomToken() string { return uuid.NewString() }

// typeOf returns the registered type, or a type with no traits for a name
// the registry does not know, so the client still works with any type.
func typeOf(name string) *awstype.Type {
	if t, ok := awstype.Lookup(name); ok {
		return t
	}

	return &awstype.Type{Name: name}
}
