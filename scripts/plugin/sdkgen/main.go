// sdkgen: the plugin's SDKs from its schema with Pulumi's own code generators (the packages
// `pulumi package gen-sdk` runs inside each language host: github.com/pulumi/pulumi/pkg/v3/codegen).
// The CLI's gen-sdk asks the language host of each language to generate, and the Go module proxy
// refuses the Python and Go hosts, so this calls the same generators directly.
//
//	sdkgen SCHEMA.json OUT_DIR LANGUAGE...   (python, go, nodejs): OUT_DIR/<language>/...
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-sagemaker sdkgen"

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen SCHEMA.json OUT_DIR LANGUAGE...")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3:]); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string, languages []string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	// The schema references no other package: the loader (asked only for references) is never used.
	loader := schema.NewPluginLoader(nil)
	for _, language := range languages {
		var spec schema.PackageSpec
		if err := json.Unmarshal(text, &spec); err != nil {
			return fmt.Errorf("%s: %w", schemaPath, err)
		}
		// Bound (and validated against Pulumi's metaschema) afresh for each language: generators annotate the package.
		pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
		if err != nil {
			return err
		}
		if diags.HasErrors() {
			return fmt.Errorf("the schema does not bind: %v", diags)
		}
		var files map[string][]byte
		switch language {
		case "python":
			files, err = python.GeneratePackage(tool, pkg, nil, loader)
		case "go":
			files, err = gogen.GeneratePackage(tool, pkg, nil)
		case "nodejs":
			files, err = nodejs.GeneratePackage(tool, pkg, nil, nil, false, loader)
		default:
			return fmt.Errorf("no generator for %q here (python, go, nodejs)", language)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", language, err)
		}
		dir := filepath.Join(out, language)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		for name, content := range files {
			path := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "sdkgen: %s: %d files in %s\n", language, len(files), dir)
	}
	return nil
}
