package localcloud

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"strings"
)

const (
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)

// randomString returns n characters drawn uniformly from alphabet.
func randomString(alphabet string, n int) string {
	var b strings.Builder
	limit := big.NewInt(int64(len(alphabet)))
	for range n {
		i, err := rand.Int(rand.Reader, limit)
		if err != nil {
			// crypto/rand does not fail on supported platforms.
			panic("localcloud: read random bytes: " + err.Error())
		}
		b.WriteByte(alphabet[i.Int64()])
	}

	return b.String()
}

// stableString derives n characters of alphabet from parts, so that the same
// inputs always give the same value, like a DataZone profile id for a user.
func stableString(alphabet string, n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	var b strings.Builder
	for i := range n {
		chunk := sum[(i*2)%len(sum):]
		v := binary.BigEndian.Uint16(chunk[:2]) + uint16(i)
		b.WriteByte(alphabet[int(v)%len(alphabet)])
	}

	return b.String()
}

// newDomainID returns a DataZone domain id: "dzd_" and 14 lowercase
// alphanumerics, the shape of real ids.
func newDomainID() string { return "dzd_" + randomString(lowerAlnum, 14) }

// newDataZoneID returns a DataZone resource id of 14 lowercase alphanumerics.
func newDataZoneID() string { return randomString(lowerAlnum, 14) }
