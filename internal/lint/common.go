package lint

import (
	"fmt"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
)

// backend returns the module's backend or cloud block, or nil.
func (m *Module) backend() *Block {
	for _, b := range m.Blocks {
		if b.Type != "terraform" {
			continue
		}
		if bs := b.Blocks("backend", "type"); len(bs) > 0 {
			return bs[0]
		}
		if bs := b.Blocks("cloud"); len(bs) > 0 {
			return bs[0]
		}
	}

	return nil
}

// blockName names a block in messages: its address, or its type.
func blockName(b *Block) string {
	switch b.Type {
	case "resource", "data", "module":
		return b.Address()
	case "variable", "output", "provider":
		return fmt.Sprintf("%s %q", b.Type, b.Label(0))
	}

	return b.Type + " block"
}

func rangeString(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d", filepath.Base(rng.Filename), rng.Start.Line)
}

// baseName returns the file name without directory.
func baseName(path string) string { return filepath.Base(path) }
