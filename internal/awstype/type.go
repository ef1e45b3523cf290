package awstype

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Type describes one CloudFormation resource type as Cloud Control serves it.
type Type struct {
	// Name is the CloudFormation type name, such as "AWS::DataZone::Domain".
	Name string
	// PrimaryIdentifier lists the top-level properties of the primary
	// identifier in schema order. Their values joined with "|" form the
	// identifier that Cloud Control returns and accepts.
	PrimaryIdentifier []string
	// IdentifierExample is a well-formed identifier, quoted in errors.
	IdentifierExample string
	// Required lists the top-level properties a create must carry.
	Required []string
	// ReadOnly, WriteOnly and CreateOnly list paths with those schema traits.
	ReadOnly   []string
	WriteOnly  []string
	CreateOnly []string
	// ListScope lists the properties that ListResources needs in its
	// ResourceModel; empty means the type lists without one.
	ListScope []string
	// Updatable and Listable report whether the type has update and list
	// handlers. Every supported type has create, read and delete handlers.
	Updatable bool
	Listable  bool
	// Sets lists paths of arrays whose order carries no meaning.
	Sets []string
	// Keyed lists arrays whose elements are matched by one member.
	Keyed []KeyedList
	// EmptyIsAbsent lists paths where an empty string, array or object
	// means the same as no value, because the API drops empty values.
	EmptyIsAbsent []string
	// PolicyDocuments lists paths of IAM policy documents, which may be a
	// JSON string or an object and are compared as JSON.
	PolicyDocuments []string
	// Patterns and Enums constrain string values at the given paths.
	Patterns []Pattern
	Enums    []Enum
	// NaturalKey lists the properties whose values are unique among live
	// resources of the type, such as a project's domain and name.
	NaturalKey []string
	// UpdateLimitation, when set, explains why the real Cloud Control API
	// rejects updates of this type even though it has an update handler.
	UpdateLimitation string
	// DeleteBeforeCreate reports that a replacement must delete the old
	// resource first, because the new one would collide with it.
	DeleteBeforeCreate bool
}

// KeyedList is an array whose elements are identified by the value of Key.
type KeyedList struct {
	Path string
	Key  string
}

// Pattern is a regular expression that string values at Path must match.
type Pattern struct {
	Path   string
	Regexp *regexp.Regexp
}

// Enum lists the values allowed for strings at Path.
type Enum struct {
	Path   string
	Values []string
}

var registry = map[string]*Type{}

func register(t *Type) *Type {
	if _, ok := registry[t.Name]; ok {
		panic("awstype: type registered twice: " + t.Name)
	}
	registry[t.Name] = t

	return t
}

func pattern(path, expr string) Pattern {
	return Pattern{Path: path, Regexp: regexp.MustCompile(expr)}
}

// Lookup returns the registered type with the given CloudFormation name.
func Lookup(name string) (*Type, bool) {
	t, ok := registry[name]

	return t, ok
}

// MustLookup returns the registered type with the given name and panics when
// there is none; it is meant for names written in code.
func MustLookup(name string) *Type {
	t, ok := registry[name]
	if !ok {
		panic("awstype: unknown type " + name)
	}

	return t
}

// Names returns the names of all registered types, sorted.
func Names() []string {
	names := make([]string, 0, len(registry))
	for name := range registry {
		names = append(names, name)
	}
	sort.Strings(names)

	return names
}

// IsReadOnly reports whether path or one of its ancestors is read-only.
func (t *Type) IsReadOnly(path string) bool { return coveredBy(path, t.ReadOnly) }

// IsWriteOnly reports whether path or one of its ancestors is write-only.
func (t *Type) IsWriteOnly(path string) bool { return coveredBy(path, t.WriteOnly) }

// IsCreateOnly reports whether path or one of its ancestors is create-only.
func (t *Type) IsCreateOnly(path string) bool { return coveredBy(path, t.CreateOnly) }

// IsSet reports whether the array at path is compared as a set.
func (t *Type) IsSet(path string) bool { return matchesAny(path, t.Sets) }

// KeyOf returns the member that identifies elements of the array at path.
func (t *Type) KeyOf(path string) (string, bool) {
	for _, k := range t.Keyed {
		if Match(k.Path, path) {
			return k.Key, true
		}
	}

	return "", false
}

// IsPolicyDocument reports whether path holds an IAM policy document.
func (t *Type) IsPolicyDocument(path string) bool { return matchesAny(path, t.PolicyDocuments) }

// Scoped reports whether ListResources needs a ResourceModel for this type.
func (t *Type) Scoped() bool { return len(t.ListScope) > 0 }

// String returns the type name.
func (t *Type) String() string { return t.Name }

func (t *Type) identifierShape() string {
	return strings.Join(t.PrimaryIdentifier, "|")
}

// identifierHelp explains the identifier format, for error messages.
func (t *Type) identifierHelp() string {
	if len(t.PrimaryIdentifier) == 1 {
		return fmt.Sprintf("the identifier of %s is its %s, for example %q",
			t.Name, t.PrimaryIdentifier[0], t.IdentifierExample)
	}

	return fmt.Sprintf("the identifier of %s has %d parts, %s, joined by \"|\", for example %q",
		t.Name, len(t.PrimaryIdentifier), t.identifierShape(), t.IdentifierExample)
}
