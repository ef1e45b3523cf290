package localcloud

import (
	"github.com/smus-dev/smus/internal/awstype"
)

// getProjectOutput is the GetProject output. It has no member for the
// project execution role: the API does not return it.
type getProjectOutput struct {
	ID               string          `json:"id"`
	DomainID         string          `json:"domainId"`
	Name             string          `json:"name"`
	Description      string          `json:"description,omitempty"`
	CreatedBy        string          `json:"createdBy"`
	CreatedAt        string          `json:"createdAt,omitempty"`
	LastUpdatedAt    string          `json:"lastUpdatedAt,omitempty"`
	DomainUnitID     string          `json:"domainUnitId,omitempty"`
	GlossaryTerms    []string        `json:"glossaryTerms,omitempty"`
	ProjectProfileID string          `json:"projectProfileId,omitempty"`
	ProjectStatus    string          `json:"projectStatus,omitempty"`
	UserParameters   []userParameter `json:"userParameters,omitempty"`
	ResourceTags     []resourceTag   `json:"resourceTags,omitempty"`
}

type userParameter struct {
	EnvironmentConfigurationName string                 `json:"environmentConfigurationName,omitempty"`
	EnvironmentID                string                 `json:"environmentId,omitempty"`
	EnvironmentParameters        []environmentParameter `json:"environmentParameters,omitempty"`
}

type environmentParameter struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type resourceTag struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// getProject implements GetProject: GET
// /v2/domains/{domainIdentifier}/projects/{identifier}. Unlike a Cloud
// Control read, it returns the project profile id and the user parameters.
func (c *Cloud) getProject(call *apiCall, domainID, projectID string) (any, *APIError) {
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if _, apiErr := c.dataZoneDomain(call, domainID); apiErr != nil {
		return nil, apiErr
	}
	p := c.st.resources[keyFor(call.account, call.region, awstype.Project, domainID+"|"+projectID)]
	if p == nil {
		return nil, apiErrorf("ResourceNotFoundException",
			"Project %s was not found in domain %s.", projectID, domainID)
	}
	m := p.Model
	out := &getProjectOutput{
		ID:               stringAt(m, "Id"),
		DomainID:         domainID,
		Name:             stringAt(m, "Name"),
		Description:      stringAt(m, "Description"),
		CreatedBy:        stringAt(m, "CreatedBy"),
		CreatedAt:        stringAt(m, "CreatedAt"),
		LastUpdatedAt:    stringAt(m, "LastUpdatedAt"),
		DomainUnitID:     stringAt(m, "DomainUnitId"),
		GlossaryTerms:    stringsAt(m, "GlossaryTerms"),
		ProjectProfileID: stringAt(m, "ProjectProfileId"),
		ProjectStatus:    stringAt(m, "ProjectStatus"),
	}
	for _, v := range listAt(m, "UserParameters") {
		item, _ := v.(map[string]any)
		up := userParameter{
			EnvironmentConfigurationName: stringAt(item, "EnvironmentConfigurationName"),
			EnvironmentID:                stringAt(item, "EnvironmentId"),
		}
		for _, e := range listAt(item, "EnvironmentParameters") {
			param, _ := e.(map[string]any)
			up.EnvironmentParameters = append(up.EnvironmentParameters,
				environmentParameter{Name: stringAt(param, "Name"), Value: stringAt(param, "Value")})
		}
		out.UserParameters = append(out.UserParameters, up)
	}
	for _, v := range listAt(m, "ResourceTags") {
		tag, _ := v.(map[string]any)
		out.ResourceTags = append(out.ResourceTags,
			resourceTag{Key: stringAt(tag, "Key"), Value: stringAt(tag, "Value"), Source: "PROJECT"})
	}

	return out, nil
}
