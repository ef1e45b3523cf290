package awstype

import (
	"strconv"
	"strings"
)

// Segments splits a JSON pointer into unescaped reference tokens. A pointer
// without a leading slash is read as if it had one, because Cloud Control
// accepts patch paths such as "Description".
func Segments(pointer string) []string {
	pointer = strings.TrimPrefix(pointer, "/")
	if pointer == "" {
		return nil
	}
	parts := strings.Split(pointer, "/")
	for i, p := range parts {
		p = strings.ReplaceAll(p, "~1", "/")
		parts[i] = strings.ReplaceAll(p, "~0", "~")
	}

	return parts
}

// Pointer joins reference tokens into a JSON pointer, escaping each token.
func Pointer(segments ...string) string {
	var b strings.Builder
	for _, s := range segments {
		b.WriteByte('/')
		s = strings.ReplaceAll(s, "~", "~0")
		b.WriteString(strings.ReplaceAll(s, "/", "~1"))
	}

	return b.String()
}

// Match reports whether the concrete path matches pattern, where a "*"
// segment of pattern matches any single segment.
func Match(pattern, path string) bool {
	ps, xs := Segments(pattern), Segments(path)
	if len(ps) != len(xs) {
		return false
	}

	return prefixMatch(ps, xs)
}

func prefixMatch(pattern, path []string) bool {
	if len(pattern) > len(path) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != path[i] {
			return false
		}
	}

	return true
}

func matchesAny(path string, patterns []string) bool {
	for _, p := range patterns {
		if Match(p, path) {
			return true
		}
	}

	return false
}

// coveredBy reports whether path equals one of the patterns or lies below it.
func coveredBy(path string, patterns []string) bool {
	xs := Segments(path)
	for _, p := range patterns {
		if prefixMatch(Segments(p), xs) {
			return true
		}
	}

	return false
}

// Visit calls fn for every value in doc that pattern addresses, with the
// concrete path of each. Missing members are skipped.
func Visit(doc any, pattern string, fn func(path string, value any)) {
	visit(doc, Segments(pattern), nil, fn)
}

func visit(node any, rest, done []string, fn func(string, any)) {
	if len(rest) == 0 {
		fn(Pointer(done...), node)

		return
	}
	head, tail := rest[0], rest[1:]
	switch n := node.(type) {
	case map[string]any:
		if head == "*" {
			for k, v := range n {
				visit(v, tail, append(done[:len(done):len(done)], k), fn)
			}

			return
		}
		if v, ok := n[head]; ok {
			visit(v, tail, append(done[:len(done):len(done)], head), fn)
		}
	case []any:
		for i, v := range n {
			if head == "*" || head == strconv.Itoa(i) {
				visit(v, tail, append(done[:len(done):len(done)], strconv.Itoa(i)), fn)
			}
		}
	}
}

// Get returns the value at the concrete path in doc.
func Get(doc any, path string) (any, bool) {
	node := doc
	for _, s := range Segments(path) {
		switch n := node.(type) {
		case map[string]any:
			v, ok := n[s]
			if !ok {
				return nil, false
			}
			node = v
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(n) {
				return nil, false
			}
			node = n[i]
		default:
			return nil, false
		}
	}

	return node, true
}

// Remove deletes every value that pattern addresses inside maps of doc, in
// place. Array elements are never removed, only members of objects.
func Remove(doc any, pattern string) {
	segs := Segments(pattern)
	if len(segs) == 0 {
		return
	}
	parent, last := segs[:len(segs)-1], segs[len(segs)-1]
	visit(doc, parent, nil, func(_ string, node any) {
		m, ok := node.(map[string]any)
		if !ok {
			return
		}
		if last == "*" {
			clear(m)

			return
		}
		delete(m, last)
	})
}
